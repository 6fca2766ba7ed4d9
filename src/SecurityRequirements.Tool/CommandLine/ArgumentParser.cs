namespace SecurityRequirements.Tool.CommandLine;

/// <summary>
/// Parses a command's arguments against its <see cref="ToolCommand.Options"/>: <c>--name value</c>,
/// <c>--name=value</c>, flags, and positionals; <c>--</c> ends the options. Every command parses the
/// same way, so a new command declares options and gets parsing and help for free.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(ToolCommand command, IReadOnlyList<string> arguments)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (onlyPositionals || !argument.StartsWith('-') || argument == "-")
            {
                positionals.Add(argument);
                continue;
            }

            if (argument == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? argument[..equals] : argument;
            var spec = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"unknown option '{name}'.");
            string value;
            if (spec.IsFlag)
            {
                if (equals > 0)
                {
                    throw new UsageException($"option '{name}' takes no value.");
                }

                value = "true";
            }
            else if (equals > 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count)
            {
                value = arguments[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value ({spec.Synopsis}).");
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"option '{name}' is given more than once.");
            }

            values.Add(value);
        }

        if (positionals.Count < command.MinArguments)
        {
            throw new UsageException($"missing argument: {command.ArgumentsSynopsis}.");
        }

        if (positionals.Count > command.MaxArguments)
        {
            throw new UsageException($"unexpected argument '{positionals[command.MaxArguments]}'.");
        }

        return new ParsedArguments(positionals, options.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }
}
