using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Reads the shapes the format expects out of <see cref="ConfigNode"/>s and records every mismatch as a
/// <see cref="ConfigError"/> at the offending node. The schema has a fixed depth, so reading never recurses
/// into arbitrary input.
/// </summary>
internal sealed class SchemaReader
{
    public SchemaReader(List<ConfigError> errors)
    {
        Errors = errors;
    }

    public List<ConfigError> Errors { get; }

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments) =>
        Errors.Add(new ConfigError(descriptor, span, arguments));

    /// <summary>
    /// The entries of a mapping in document order. Non-string keys, duplicates and (when
    /// <paramref name="knownKeys"/> is given) unknown keys are reported and left out.
    /// </summary>
    public List<MappingEntry> ReadMapping(ConfigNode mapping, string where, IReadOnlyList<string>? knownKeys)
    {
        var entries = new List<MappingEntry>(mapping.Pairs.Count);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var pair in mapping.Pairs)
        {
            var keyNode = pair.Key;
            if (keyNode.Kind != ConfigNodeKind.Scalar || keyNode.IsNull)
            {
                Report(DiagnosticDescriptors.WrongNodeType, keyNode.Span, "A key in " + where, "a plain name", keyNode.Describe());
                continue;
            }

            var key = keyNode.Value!;
            if (!seen.Add(key))
            {
                Report(DiagnosticDescriptors.DuplicateKey, keyNode.Span, key);
                continue;
            }

            if (knownKeys is not null && !Contains(knownKeys, key))
            {
                Report(DiagnosticDescriptors.UnknownKey, keyNode.Span, key, where, string.Join(", ", knownKeys));
                continue;
            }

            entries.Add(new MappingEntry(key, keyNode, pair.Value));
        }

        return entries;
    }

    /// <summary>A single value; null (without a report) when the value is empty, null with a report when it is a collection.</summary>
    public SpannedValue? ReadScalar(MappingEntry entry)
    {
        var value = entry.Value;
        if (value.IsIncomplete)
        {
            return null;
        }

        if (value.Kind != ConfigNodeKind.Scalar)
        {
            Report(DiagnosticDescriptors.WrongNodeType, value.Span, entry.Key, "a single value", value.Describe());
            return null;
        }

        return value.IsNull ? null : new SpannedValue(value.Value!.Trim(), value.Span);
    }

    /// <summary>A list of single values; a lone value is read as a list of one.</summary>
    public ImmutableArray<SpannedValue> ReadScalarList(MappingEntry entry)
    {
        var value = entry.Value;
        if (value.IsIncomplete || value.IsNull)
        {
            return ImmutableArray<SpannedValue>.Empty;
        }

        if (value.Kind == ConfigNodeKind.Scalar)
        {
            return ImmutableArray.Create(new SpannedValue(value.Value!.Trim(), value.Span));
        }

        if (value.Kind != ConfigNodeKind.Sequence)
        {
            Report(DiagnosticDescriptors.WrongNodeType, value.Span, entry.Key, "a list of values", value.Describe());
            return ImmutableArray<SpannedValue>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<SpannedValue>(value.Items.Count);
        foreach (var item in value.Items)
        {
            if (item.IsIncomplete)
            {
                continue;
            }

            if (item.Kind != ConfigNodeKind.Scalar || item.IsNull)
            {
                Report(DiagnosticDescriptors.WrongNodeType, item.Span, "An item of '" + entry.Key + "'", "a single value", item.Describe());
                continue;
            }

            builder.Add(new SpannedValue(item.Value!.Trim(), item.Span));
        }

        return builder.ToImmutable();
    }

    public static string Normalize(string text)
    {
        // Requirements appear inside one-line diagnostic messages: fold whitespace and drop a final period.
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        while (builder.Length > 0 && builder[builder.Length - 1] == '.')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        foreach (var known in keys)
        {
            if (known == key)
            {
                return true;
            }
        }

        return false;
    }
}
