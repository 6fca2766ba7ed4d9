namespace SecurityRequirements.Tool.CommandLine;

/// <summary>One option of a command: a flag when <see cref="ValueName"/> is null, else it takes a value.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Repeatable = false)
{
    public bool IsFlag => ValueName is null;

    /// <summary>How the option is shown in the help: <c>--out &lt;dir&gt;</c>.</summary>
    public string Synopsis => IsFlag ? Name : $"{Name} <{ValueName}>";
}
