using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Mcp.Tools;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>
/// Puts proposed texts into a fork of the loaded project: a file the project compiles gets the new text, a new file
/// is added as a new document. Nothing is written to disk; the loaded snapshot is left as it was.
/// </summary>
internal static class ProposedFiles
{
    public static (Project Project, ImmutableArray<ProposedDocument> Documents) Apply(LoadedProject loaded, IReadOnlyList<FileInput>? files, ServerLimits limits)
    {
        if (files is null || files.Count == 0)
        {
            throw ToolErrors.NoFiles();
        }

        if (files.Count > limits.MaxFiles)
        {
            throw ToolErrors.TooManyFiles(files.Count, limits.MaxFiles);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        var resolved = new List<(string FullPath, string Text)>(files.Count);
        foreach (var file in files)
        {
            var fullPath = ResolvePath(loaded, file?.Path);
            var text = file!.Text ?? string.Empty;
            if (!seen.Add(fullPath))
            {
                throw ToolErrors.Duplicate(file.Path);
            }

            if (text.Length > limits.MaxFileCharacters)
            {
                throw ToolErrors.TextTooLarge(file.Path, text.Length, limits.MaxFileCharacters);
            }

            total += text.Length;
            if (total > limits.MaxTotalCharacters)
            {
                throw ToolErrors.TotalTooLarge(total, limits.MaxTotalCharacters);
            }

            resolved.Add((fullPath, text));
        }

        var project = loaded.Project;
        var documents = ImmutableArray.CreateBuilder<ProposedDocument>(resolved.Count);
        foreach (var (fullPath, text) in resolved)
        {
            var sourceText = SourceText.From(text, System.Text.Encoding.UTF8);
            var existing = Find(project, fullPath);
            if (existing is not null)
            {
                project = project.Solution.WithDocumentText(existing.Id, sourceText).GetProject(project.Id)!;
                documents.Add(new ProposedDocument(existing.Id, fullPath, RelativePath(loaded, fullPath), IsNew: false));
            }
            else
            {
                var folders = Path.GetRelativePath(loaded.ProjectDirectory, Path.GetDirectoryName(fullPath)!)
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
                    .Where(f => f != ".")
                    .ToArray();
                var added = project.AddDocument(Path.GetFileName(fullPath), sourceText, folders, fullPath);
                project = added.Project;
                documents.Add(new ProposedDocument(added.Id, fullPath, RelativePath(loaded, fullPath), IsNew: true));
            }
        }

        return (project, documents.MoveToImmutable());
    }

    /// <summary>The full path of a file the agent names: inside the project folder (or a file the project already compiles), C# only.</summary>
    public static string ResolvePath(LoadedProject loaded, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ToolErrors.EmptyPath();
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path, loaded.ProjectDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ToolErrors.BadArgument($"'{path}' is not a valid path: {e.Message}");
        }

        if (!string.Equals(Path.GetExtension(fullPath), ".cs", StringComparison.OrdinalIgnoreCase))
        {
            throw ToolErrors.NotCSharp(path);
        }

        var inside = fullPath.StartsWith(loaded.ProjectDirectory + Path.DirectorySeparatorChar, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        if (!inside && Find(loaded.Project, fullPath) is null)
        {
            throw ToolErrors.OutsideProject(path, loaded.ProjectDirectory);
        }

        return fullPath;
    }

    public static string RelativePath(LoadedProject loaded, string fullPath) =>
        Path.GetRelativePath(loaded.ProjectDirectory, fullPath).Replace('\\', '/');

    private static Document? Find(Project project, string fullPath) =>
        project.Solution.GetDocumentIdsWithFilePath(fullPath).Where(id => id.ProjectId == project.Id).Select(project.GetDocument).FirstOrDefault();
}
