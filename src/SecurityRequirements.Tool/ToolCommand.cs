using SecurityRequirements.Tool.CommandLine;

namespace SecurityRequirements.Tool;

/// <summary>
/// One <c>sra</c> command. <see cref="CommandCatalog"/> finds every concrete subclass in this
/// assembly, so adding a command (for example <c>sra mcp</c>) is one new file: name, summary,
/// options and <see cref="RunAsync"/>. Parsing, <c>--help</c> and usage errors are shared.
/// </summary>
internal abstract class ToolCommand
{
    /// <summary>The word after <c>sra</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line for <c>sra help</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>The positional arguments as shown in the usage line, e.g. <c>&lt;assembly&gt;</c>.</summary>
    public virtual string ArgumentsSynopsis => string.Empty;

    public virtual int MinArguments => 0;

    public virtual int MaxArguments => 0;

    public virtual IReadOnlyList<OptionSpec> Options => [];

    /// <summary>Paragraphs shown after the options in <c>sra &lt;command&gt; --help</c>: exit codes, examples.</summary>
    public virtual string Details => string.Empty;

    /// <summary>Runs the command; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public abstract Task<int> RunAsync(ParsedArguments arguments, ToolConsole console, CancellationToken cancellationToken);

    public string Help()
    {
        var text = new System.Text.StringBuilder();
        text.Append(Summary).Append("\n\nUsage: sra ").Append(Name);
        if (ArgumentsSynopsis.Length > 0)
        {
            text.Append(' ').Append(ArgumentsSynopsis);
        }

        if (Options.Count > 0)
        {
            text.Append(" [options]\n\nOptions:\n");
            var width = Options.Max(o => o.Synopsis.Length);
            foreach (var option in Options)
            {
                text.Append("  ").Append(option.Synopsis.PadRight(width + 2)).Append(option.Description).Append('\n');
            }
        }
        else
        {
            text.Append('\n');
        }

        if (Details.Length > 0)
        {
            text.Append('\n').Append(Details.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
