using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// One node of the YAML tree with its position. Built iteratively by <see cref="ConfigTreeBuilder"/>;
/// aliases point at the anchored node (never copied), so the tree size is bounded by the text size.
/// </summary>
internal sealed class ConfigNode
{
    private ConfigNode(ConfigNodeKind kind, string? value, bool isPlain, SourceSpan span)
    {
        Kind = kind;
        Value = value;
        IsPlainScalar = isPlain;
        Span = span;
    }

    public ConfigNodeKind Kind { get; }

    /// <summary>The scalar text; null for collections.</summary>
    public string? Value { get; }

    /// <summary>True for unquoted scalars, where <c>~</c>, <c>null</c> and empty mean "no value".</summary>
    public bool IsPlainScalar { get; }

    public SourceSpan Span { get; set; }

    /// <summary>Set when a syntax error cut the node short; such nodes are skipped, not guessed.</summary>
    public bool IsIncomplete { get; set; }

    public List<ConfigNode> Items { get; } = new();

    public List<KeyValuePair<ConfigNode, ConfigNode>> Pairs { get; } = new();

    public bool IsNull => Kind == ConfigNodeKind.Scalar && IsPlainScalar && (Value is "" or "~" or "null" or "Null" or "NULL");

    public static ConfigNode Scalar(string value, bool isPlain, SourceSpan span) => new(ConfigNodeKind.Scalar, value, isPlain, span);

    public static ConfigNode Sequence(SourceSpan span) => new(ConfigNodeKind.Sequence, null, false, span);

    public static ConfigNode Mapping(SourceSpan span) => new(ConfigNodeKind.Mapping, null, false, span);

    public string Describe() => Kind switch
    {
        ConfigNodeKind.Scalar => IsNull ? "an empty value" : "a single value",
        ConfigNodeKind.Sequence => "a list",
        _ => "a mapping",
    };
}
