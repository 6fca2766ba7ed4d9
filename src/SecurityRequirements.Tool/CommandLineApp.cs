using System.Reflection;
using SecurityRequirements.Tool.CommandLine;

namespace SecurityRequirements.Tool;

/// <summary>Dispatches <c>sra &lt;command&gt; ...</c>: help, version, unknown commands and usage errors in one place.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            await console.Error.WriteAsync(Overview()).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var first = args[0];
        if (first is "-h" or "--help" or "-?" or "help")
        {
            var topic = args.Count > 1 && first == "help" ? CommandCatalog.Find(args[1]) : null;
            await console.Out.WriteAsync(topic?.Help() ?? Overview()).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (first is "--version" or "version")
        {
            await console.Out.WriteLineAsync(Version).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var command = CommandCatalog.Find(first);
        if (command is null)
        {
            await console.Error.WriteAsync($"sra: unknown command '{first}'.\n\n{Overview()}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Any(a => a is "-h" or "--help" or "-?"))
        {
            await console.Out.WriteAsync(command.Help()).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ParsedArguments parsed;
        try
        {
            parsed = ArgumentParser.Parse(command, rest);
        }
        catch (UsageException e)
        {
            await console.Error.WriteAsync($"sra {command.Name}: {e.Message}\n\n{command.Help()}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync(parsed, console, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await console.Error.WriteAsync($"sra {command.Name}: {e.Message}\n\n{command.Help()}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    public static string Version =>
        typeof(CommandLineApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static string Overview()
    {
        var text = new System.Text.StringBuilder();
        text.Append("sra ").Append(Version).Append(": security requirements evidence for .NET builds (SecurityRequirements.Analyzers).\n\n")
            .Append("Usage: sra <command> [arguments] [options]\n\nCommands:\n");
        var width = CommandCatalog.All.Max(c => c.Name.Length);
        foreach (var command in CommandCatalog.All)
        {
            text.Append("  ").Append(command.Name.PadRight(width + 2)).Append(command.Summary).Append('\n');
        }

        text.Append("\nsra <command> --help shows a command's options.\n")
            .Append("Exit codes: 0 done (verify: passed), 1 usage, 2 unreadable input, 3 no attestation, 4 attestation not intact, 5 verify found a failure.\n");
        return text.ToString();
    }
}
