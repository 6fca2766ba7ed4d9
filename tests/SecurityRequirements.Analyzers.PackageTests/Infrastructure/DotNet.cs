using System.Collections;
using System.Diagnostics;
using System.Text;

namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>The outcome of one <c>dotnet</c> process.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    public override string ToString() => $"> {CommandLine}\nexit code {ExitCode} after {Duration.TotalSeconds:F1} s\n{Output}";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process with a hard timeout. Every build switches off
/// node reuse and the compiler server, so no background process outlives a test and no stale
/// copy of the analyzer stays loaded between builds.
/// </summary>
public static class DotNet
{
    public static readonly string[] IsolatedBuildSwitches =
    [
        "-nodeReuse:false",
        "-p:UseSharedCompilation=false",
        "-tl:off",
        "-v:m",
        "-clp:NoSummary",
    ];

    /// <summary>The same dotnet that runs the tests when the SDK says which; else the one on PATH.</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessResult Run(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgram(Executable, "dotnet", workingDirectory, arguments, timeout, environment);

    /// <summary>Any program (an installed dotnet tool), with the same clean environment and timeout as <see cref="Run"/>.</summary>
    public static ProcessResult RunProgram(
        string program,
        string displayName,
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host inherits MSBuild and test-platform variables from `dotnet test`; a nested
        // build must start from a clean slate, as a developer's would.
        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var commandLine = string.Join(' ', new[] { displayName }.Concat(startInfo.ArgumentList));
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{commandLine}' did not finish within {timeout.TotalSeconds:F0} s.\n{Snapshot(output)}");
        }

        // The parameterless overload also waits for the redirected streams to drain.
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
