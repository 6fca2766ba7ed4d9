using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// <c>--mcp</c>: the MCP server as an agent meets it. A generated project of about 200 files (the benchmark's codebase,
/// compiled as an ASP.NET Core library) is written to a temporary folder and restored; the server is started as a
/// process and driven through the MCP SDK's client over stdio. Measured: process start to the first answer of
/// <c>check</c> (cold start: runtime start, design-time build, first compilation, analyzers' first run), then
/// <c>check</c> of one file with a new edit each call (warm, median of the recorded calls), and the server's peak memory.
/// Goals (issue 15): warm check ≤ 300 ms, cold start ≤ 10 s, memory &lt; 1 GB.
/// </summary>
internal static class McpBenchmark
{
    private const double WarmGoalMs = 300;
    private const double ColdGoalMs = 10_000;
    private const long MemoryGoalBytes = 1L << 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var files = 200;
        var runs = 20;
        string? outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files":
                    files = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    runs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--out":
                    outPath = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: --mcp [--files 200] [--runs 20] [--out file.md]");
                    return 2;
            }
        }

        var host = typeof(McpBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SraTool").Value!;
        var root = Directory.CreateTempSubdirectory("sra-mcp-bench-").FullName;
        try
        {
            var (sources, editPath) = WriteProject(root, files);
            Console.Error.WriteLine($"MCP benchmark: {sources} files in {root}; restoring");
            Restore(Path.Combine(root, "Bench.csproj"));

            var editText = File.ReadAllText(Path.Combine(root, editPath));
            var total = Stopwatch.StartNew();
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "sra mcp",
                Command = "dotnet",
                Arguments = [host, "mcp", "--project", Path.Combine(root, "Bench.csproj")],
                WorkingDirectory = root,
                EnvironmentVariables = new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
                StandardErrorLines = line => Console.Error.WriteLine("   server: " + line),
            });
            await using var client = await McpClient.CreateAsync(transport);
            var handshakeMs = total.Elapsed.TotalMilliseconds;
            var first = await CheckAsync(client, editPath, Edit(editText, 0), null);
            var coldMs = total.Elapsed.TotalMilliseconds;
            Console.Error.WriteLine($"   handshake {handshakeMs:F0} ms, first check answered at {coldMs:F0} ms: {first.Summary}");

            // A few unrecorded calls: the first edits still JIT paths the first answer did not take.
            var pid = ServerProcessId(host);
            for (var i = 1; i <= 3; i++)
            {
                await CheckAsync(client, editPath, Edit(editText, i), pid);
            }

            var warm = new List<double>();
            var cpu = new List<double>();
            var summary = string.Empty;
            for (var i = 0; i < runs; i++)
            {
                var result = await CheckAsync(client, editPath, Edit(editText, 100 + i), pid);
                warm.Add(result.Ms);
                cpu.Add(result.CpuMs);
                summary = result.Summary;
            }

            cpu.Sort();

            var requirementsMs = await TimeAsync(() => client.CallToolAsync("requirements"));
            var attestationMs = await TimeAsync(() => client.CallToolAsync("attestation"));
            var memory = ServerMemory(host);
            warm.Sort();
            var median = Median(warm);
            var report = new StringBuilder()
                .Append("| Measure | Value | Goal |\n|---|---|---|\n")
                .Append(Row("Project", $"{sources} C# files (generated codebase, ASP.NET Core library), every check enabled", string.Empty))
                .Append(Row("Cold start: process start to first `check` answer", $"{coldMs:F0} ms (handshake {handshakeMs:F0} ms)", Verdict(coldMs <= ColdGoalMs, "≤ 10 s")))
                .Append(Row($"Warm `check`, one changed file, median of {runs}", $"{median:F0} ms (min {warm[0]:F0}, max {warm[^1]:F0})", Verdict(median <= WarmGoalMs, "≤ 300 ms")))
                .Append(Row($"Server CPU time per warm `check` (user + system, all threads), median of {runs}", pid is null ? "n/a" : $"{Median(cpu):F0} ms", string.Empty))
                .Append(Row("Machine load (1-minute load average, 2 cores)", LoadAverage(), string.Empty))
                .Append(Row("`requirements` (warm)", $"{requirementsMs:F0} ms", string.Empty))
                .Append(Row("`attestation` (whole project analysed)", $"{attestationMs:F0} ms", string.Empty))
                .Append(Row("Server peak memory (VmHWM)", memory.Server is { } s ? $"{s / (1024.0 * 1024):F0} MB" : "n/a", memory.Server is { } m ? Verdict(m < MemoryGoalBytes, "< 1 GB") : "< 1 GB"))
                .Append(Row("MSBuild build host (separate process, resident)", memory.BuildHost is { } b ? $"{b / (1024.0 * 1024):F0} MB" : OperatingSystem.IsLinux() ? "not running once the project is loaded" : "n/a", string.Empty))
                .Append(Row("Last warm answer", summary, string.Empty))
                .ToString();
            Console.WriteLine(report);
            if (outPath is not null)
            {
                File.WriteAllText(outPath, report);
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A closing server may still hold a file; the folder is under the temp path.
            }
        }
    }

    private static (int Files, string EditPath) WriteProject(string root, int wanted)
    {
        // The generator grows by modules of 3 to 5 files; ask for lines until there are enough files.
        var lines = 10_000;
        IReadOnlyList<(string Path, string Text)> sources;
        while ((sources = CodebaseGenerator.Generate(lines, seed: 42)).Count < wanted)
        {
            lines += lines * (wanted - sources.Count) / Math.Max(1, sources.Count) + 500;
        }

        foreach (var (path, text) in sources)
        {
            var relative = path.StartsWith("/bench/", StringComparison.Ordinal) ? path["/bench/".Length..] : path.TrimStart('/');
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        File.WriteAllText(Path.Combine(root, "security_requirements.yaml"), RepresentativeRequirements.Yaml);
        File.WriteAllText(Path.Combine(root, "Bench.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
              </ItemGroup>
            </Project>
            """);
        return (sources.Count, "src/Module0/CustomerService.cs");
    }

    /// <summary>A different, meaningful edit each call: the page size constant changes and a log line is added.</summary>
    private static string Edit(string text, int n)
    {
        var edited = System.Text.RegularExpressions.Regex.Replace(text, @"private const int PageSize = \d+;", $"private const int PageSize = {20 + n};", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return edited.Replace("var all = await orders.ListAsync", $"logger.LogDebug(\"Summary {{Edit}}\", {n});\n        var all = await orders.ListAsync", StringComparison.Ordinal);
    }

    private static async Task<(double Ms, double CpuMs, string Summary)> CheckAsync(McpClient client, string path, string text, int? pid)
    {
        var cpuBefore = CpuMs(pid);
        var watch = Stopwatch.StartNew();
        var result = await client.CallToolAsync("check", new Dictionary<string, object?>
        {
            ["files"] = new List<Dictionary<string, object?>> { new() { ["path"] = path, ["text"] = text } },
        });
        var ms = watch.Elapsed.TotalMilliseconds;
        var cpu = CpuMs(pid) - cpuBefore;
        var body = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        if (result.IsError == true)
        {
            throw new InvalidOperationException("check failed: " + body);
        }

        using var json = JsonDocument.Parse(body);
        return (ms, cpu, json.RootElement.GetProperty("summary").GetString()!);
    }

    /// <summary>The server's process id, found by its command line in /proc (Linux only).</summary>
    private static int? ServerProcessId(string host)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(host, StringComparison.Ordinal))
                    {
                        return pid;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A process that ended while it was read.
                }
            }
        }

        return null;
    }

    /// <summary>User plus system CPU time of a process in ms, from /proc/pid/stat (clock ticks of 10 ms).</summary>
    private static double CpuMs(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static string LoadAverage() =>
        OperatingSystem.IsLinux() ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + " at the end of the run" : "n/a";

    private static async Task<double> TimeAsync(Func<ValueTask<CallToolResult>> call)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        if (result.IsError == true)
        {
            throw new InvalidOperationException("tool call failed: " + string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text)));
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Peak resident memory of the server process and resident memory of its MSBuild build host, from /proc (Linux only).</summary>
    private static (long? Server, long? BuildHost) ServerMemory(string host)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, null);
        }

        long? server = null, buildHost = null;
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                long? Read(string key) => status.Where(l => l.StartsWith(key, StringComparison.Ordinal))
                    .Select(l => (long?)long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();
                if (commandLine.Contains(host, StringComparison.Ordinal))
                {
                    server = Read("VmHWM:");
                }
                else if (commandLine.Contains("Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost", StringComparison.Ordinal) && commandLine.Contains(Path.GetDirectoryName(host)!, StringComparison.Ordinal))
                {
                    buildHost = Read("VmRSS:");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended while it was read.
            }
        }

        return (server, buildHost);
    }

    private static void Restore(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", project, "-nologo", "-v:q", "-nodeReuse:false"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet restore failed: " + output);
        }
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Row(string measure, string value, string goal) => $"| {measure} | {value} | {goal} |\n";

    private static string Verdict(bool met, string goal) => (met ? "met (" : "missed (") + goal + ")";
}
