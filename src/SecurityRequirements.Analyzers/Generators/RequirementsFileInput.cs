using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// A requirements file as the generator receives it. Equal when path and content are, so an edit elsewhere, or a new
/// <see cref="SourceText"/> instance with the same content, does not re-resolve the policy.
/// </summary>
internal sealed class RequirementsFileInput : IEquatable<RequirementsFileInput>
{
    private readonly Lazy<string?> _sha256;

    public RequirementsFileInput(string path, SourceText? text)
    {
        Path = path;
        Text = text;
        _sha256 = new Lazy<string?>(() => text is null ? null : Sha256.Hex(text.ToString()));
    }

    public string Path { get; }

    /// <summary>The text, or null when the compiler could not read the file.</summary>
    public SourceText? Text { get; }

    /// <summary>A list, not an iterator: a compiler-generated iterator references Environment, which the shipped assembly must not (RS1035).</summary>
    public static List<KeyValuePair<string, SourceText?>> AsCandidates(ImmutableArray<RequirementsFileInput> files)
    {
        var candidates = new List<KeyValuePair<string, SourceText?>>(files.Length);
        foreach (var file in files)
        {
            candidates.Add(new KeyValuePair<string, SourceText?>(file.Path, file.Text));
        }

        return candidates;
    }

    public bool Equals(RequirementsFileInput? other) =>
        other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && string.Equals(_sha256.Value, other._sha256.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as RequirementsFileInput);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);
}
