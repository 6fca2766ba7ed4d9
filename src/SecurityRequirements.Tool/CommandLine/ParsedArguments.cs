namespace SecurityRequirements.Tool.CommandLine;

/// <summary>A command's arguments after parsing: positionals in order, and each option's values in order.</summary>
internal sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> options)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => options.ContainsKey(option);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Value(string option) => options.TryGetValue(option, out var values) ? values[^1] : null;

    /// <summary>Every value given for a repeatable option, in order; values may also be comma-separated lists.</summary>
    public IReadOnlyList<string> Values(string option) => options.TryGetValue(option, out var values) ? values : [];
}
