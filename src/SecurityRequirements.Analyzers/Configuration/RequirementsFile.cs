using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A requirements file of the current compilation: its path, text and parsed document.</summary>
internal sealed class RequirementsFile
{
    public RequirementsFile(string path, SourceText text, RequirementsDocument document)
    {
        Path = path;
        Text = text;
        Document = document;
        Directory = NormalizeDirectory(path);
    }

    public string Path { get; }

    public SourceText Text { get; }

    public RequirementsDocument Document { get; }

    /// <summary>The folder holding the file, with '/' separators and no trailing slash; waiver paths are relative to it.</summary>
    public string Directory { get; }

    public string RelativePathOf(string filePath)
    {
        var normalized = filePath.Replace('\\', '/');
        if (Directory.Length > 0 && normalized.Length > Directory.Length + 1
            && normalized.StartsWith(Directory, System.StringComparison.OrdinalIgnoreCase)
            && normalized[Directory.Length] == '/')
        {
            return normalized.Substring(Directory.Length + 1);
        }

        return normalized.TrimStart('/');
    }

    private static string NormalizeDirectory(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash <= 0 ? string.Empty : normalized.Substring(0, slash);
    }
}
