using System.Collections.Immutable;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>
/// What decides how the project loads, as it was when it was loaded: the project file, the restore output (references),
/// the requirements files in use and the nearest security_requirements.yaml, and the set of C# files under the project
/// folder (MSBuild globs decide which of them compile). Any change means a new design-time build, so the project is reloaded.
/// </summary>
internal sealed class InputStamps
{
    private readonly ImmutableArray<(string Path, long Ticks, long Length)> _files;
    private readonly string? _nearestRequirementsFile;
    private readonly ImmutableHashSet<string> _sourceFiles;
    private readonly string _projectDirectory;

    private InputStamps(string projectDirectory, ImmutableArray<(string, long, long)> files, string? nearestRequirementsFile, ImmutableHashSet<string> sourceFiles)
    {
        _projectDirectory = projectDirectory;
        _files = files;
        _nearestRequirementsFile = nearestRequirementsFile;
        _sourceFiles = sourceFiles;
    }

    public static InputStamps Capture(string projectPath, ImmutableArray<string> requirementsFiles)
    {
        var directory = Path.GetDirectoryName(projectPath)!;
        var paths = new List<string> { projectPath, Path.Combine(directory, "obj", "project.assets.json") };
        paths.AddRange(requirementsFiles);
        return new InputStamps(
            directory,
            [.. paths.Select(Stamp)],
            ProjectLoader.FindNearestRequirementsFile(directory),
            SourceFiles.Under(directory));
    }

    /// <summary>Why the project must be loaded again, or null when nothing that decides the load changed.</summary>
    public string? Changed()
    {
        foreach (var file in _files)
        {
            if (Stamp(file.Path) != file)
            {
                return $"'{Path.GetFileName(file.Path)}' changed";
            }
        }

        if (!string.Equals(ProjectLoader.FindNearestRequirementsFile(_projectDirectory), _nearestRequirementsFile, StringComparison.Ordinal))
        {
            return "a security_requirements.yaml appeared or disappeared";
        }

        var now = SourceFiles.Under(_projectDirectory);
        if (!now.SetEquals(_sourceFiles))
        {
            return "C# files were added or removed";
        }

        return null;
    }

    private static (string Path, long Ticks, long Length) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (path, info.LastWriteTimeUtc.Ticks, info.Length) : (path, 0, -1);
    }
}
