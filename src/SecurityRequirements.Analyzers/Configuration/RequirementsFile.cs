using System;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A requirements file of the current compilation: its path, text and parsed document.</summary>
internal sealed class RequirementsFile
{
    private readonly Lazy<string> _sha256;

    public RequirementsFile(string path, SourceText text, RequirementsDocument document)
    {
        Path = path;
        Text = text;
        Document = document;
        Directory = NormalizeDirectory(path);
        _sha256 = new Lazy<string>(() => Sha256.Hex(text.ToString()));
    }

    public string Path { get; }

    public SourceText Text { get; }

    public RequirementsDocument Document { get; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 encoding of the text as the compiler read it.</summary>
    public string Sha256Hex => _sha256.Value;

    /// <summary>The folder holding the file, with '/' separators and no trailing slash; waiver paths are relative to it.</summary>
    public string Directory { get; }

    public string RelativePathOf(string filePath)
    {
        var normalized = filePath.Replace('\\', '/');
        if (Directory.Length > 0 && normalized.Length > Directory.Length + 1
            && normalized.StartsWith(Directory, StringComparison.OrdinalIgnoreCase)
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
