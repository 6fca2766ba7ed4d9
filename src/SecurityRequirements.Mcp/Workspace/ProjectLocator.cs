namespace SecurityRequirements.Mcp.Workspace;

/// <summary>Chooses the project as <c>dotnet build</c> does: the file given, the only .csproj of a folder given, or of the current folder.</summary>
internal static class ProjectLocator
{
    public static ProjectTarget Resolve(string? projectPath, string currentDirectory)
    {
        if (string.IsNullOrWhiteSpace(projectPath))
        {
            return FromFolder(currentDirectory, "the current folder");
        }

        var full = Path.GetFullPath(projectPath, currentDirectory);
        if (Directory.Exists(full))
        {
            return FromFolder(full, $"'{full}'");
        }

        return new ProjectTarget(full, null);
    }

    private static ProjectTarget FromFolder(string folder, string description)
    {
        var projects = Directory.GetFiles(folder, "*.csproj", SearchOption.TopDirectoryOnly);
        Array.Sort(projects, StringComparer.Ordinal);
        return projects.Length switch
        {
            1 => new ProjectTarget(projects[0], null),
            0 => new ProjectTarget(null, $"no .csproj file in {description}; start the server with --project path/to/App.csproj"),
            _ => new ProjectTarget(null, $"{projects.Length} .csproj files in {description} ({string.Join(", ", projects.Select(Path.GetFileName))}); start the server with --project naming one of them"),
        };
    }
}
