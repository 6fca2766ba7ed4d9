namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>The generated MSBuild .editorconfig: the global section's build_property.* and one section per file.</summary>
public sealed class GeneratedEditorConfig
{
    private GeneratedEditorConfig(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sections)
    {
        Global = global;
        Sections = sections;
    }

    public IReadOnlyDictionary<string, string> Global { get; }

    /// <summary>Keyed by the section header, a full path with forward slashes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Sections { get; }

    public string? BuildProperty(string name) => Global.TryGetValue("build_property." + name, out var value) ? value : null;

    /// <summary>The file sections whose metadata mark them as the requirements file, as full paths.</summary>
    public IReadOnlyList<string> RequirementsFiles =>
        Sections.Where(s => s.Value.TryGetValue("build_metadata.AdditionalFiles.SecurityRequirementsFile", out var v) && v == "true")
            .Select(s => s.Key)
            .ToList();

    public static string NormalizePath(string path) => Path.GetFullPath(path).Replace('\\', '/');

    public static GeneratedEditorConfig Parse(string text)
    {
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var current = global;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[line[1..^1]] = current;
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return new GeneratedEditorConfig(global, sections);
    }
}
