using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Typed access to a control's <c>parameters</c> mapping. Each check asks for the keys it knows;
/// <see cref="ReportUnknownKeys"/> then warns about the rest. Invalid values are reported and the
/// parameter keeps its default.
/// </summary>
internal sealed class ParameterReader
{
    private readonly SchemaReader _schema;
    private readonly List<MappingEntry> _entries;
    private readonly List<string> _asked = new();

    public ParameterReader(SchemaReader schema, ConfigNode? parameters, string controlId)
    {
        _schema = schema;
        ControlId = controlId;
        if (parameters is null || parameters.IsNull || parameters.IsIncomplete)
        {
            _entries = new List<MappingEntry>();
        }
        else if (parameters.Kind != ConfigNodeKind.Mapping)
        {
            schema.Report(DiagnosticDescriptors.WrongNodeType, parameters.Span, "parameters", "a mapping", parameters.Describe());
            _entries = new List<MappingEntry>();
        }
        else
        {
            _entries = schema.ReadMapping(parameters, "the parameters of control '" + controlId + "'", knownKeys: null);
        }
    }

    public string ControlId { get; }

    public SchemaReader Schema => _schema;

    public SpannedValue? String(string key) => Find(key) is { } entry ? _schema.ReadScalar(entry) : null;

    /// <summary>The list, or default when the key is absent (so callers can apply their default).</summary>
    public ImmutableArray<SpannedValue> List(string key) => Find(key) is { } entry ? _schema.ReadScalarList(entry) : default;

    public int? Int(string key, int min, int max)
    {
        if (String(key) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        _schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, key,
            string.Format(CultureInfo.InvariantCulture, "write a whole number from {0} to {1}", min, max));
        return null;
    }

    public int? OneOf(string key, params int[] allowed)
    {
        if (String(key) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Array.IndexOf(allowed, number) >= 0)
        {
            return number;
        }

        _schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, key,
            "write one of " + string.Join(", ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture))));
        return null;
    }

    public bool? Bool(string key)
    {
        if (String(key) is not { } value)
        {
            return null;
        }

        switch (value.Value.ToLowerInvariant())
        {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                _schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, key, "write true or false");
                return null;
        }
    }

    public TimeSpan? Duration(string key)
    {
        if (String(key) is not { } value)
        {
            return null;
        }

        if (DurationParser.TryParse(value.Value, out var duration))
        {
            return duration;
        }

        _schema.Report(DiagnosticDescriptors.InvalidDuration, value.Span, value.Value, key);
        return null;
    }

    public ImmutableArray<GlobPattern> Globs(string key, char separator)
    {
        var values = List(key);
        if (values.IsDefault)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<GlobPattern>(values.Length);
        foreach (var value in values)
        {
            if (GlobPattern.TryCreate(value.Value, separator, ignoreCase: true, out var glob, out var error))
            {
                builder.Add(glob!);
            }
            else
            {
                _schema.Report(DiagnosticDescriptors.InvalidGlob, value.Span, value.Value, error);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Warns about every key no check asked for, and returns those keys (sorted) so the attestation can show them as ignored.</summary>
    public ImmutableArray<string> ReportUnknownKeys(string checkName)
    {
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            if (!_asked.Contains(entry.Key))
            {
                unknown.Add(entry.Key);
                _schema.Report(DiagnosticDescriptors.UnknownKey, entry.KeyNode.Span, entry.Key,
                    "the parameters of a '" + checkName + "' control", string.Join(", ", _asked));
            }
        }

        return unknown.ToImmutableArray();
    }

    /// <summary>
    /// The parameters of a control no built-in check reads, as written and sorted by key: nothing enforces them,
    /// so the attestation carries them as declared facts.
    /// </summary>
    public ImmutableArray<ParameterModel> Declared()
    {
        var builder = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (var entry in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var value = entry.Value;
            if (value.IsIncomplete)
            {
                continue;
            }

            if (value.Kind == ConfigNodeKind.Scalar)
            {
                builder.Add(ParameterModel.Scalar(entry.Key, value.IsNull ? string.Empty : value.Value!.Trim(), attestedOnly: true));
            }
            else if (value.Kind == ConfigNodeKind.Sequence)
            {
                var items = value.Items.Where(i => i.Kind == ConfigNodeKind.Scalar && !i.IsNull).Select(i => i.Value!.Trim()).ToImmutableArray();
                builder.Add(ParameterModel.List(entry.Key, items) with { AttestedOnly = true });
            }
        }

        return builder.ToImmutable();
    }

    private MappingEntry? Find(string key)
    {
        if (!_asked.Contains(key))
        {
            _asked.Add(key);
        }

        foreach (var entry in _entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }
}
