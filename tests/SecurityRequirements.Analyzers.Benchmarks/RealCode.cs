using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// The real-code mode: builds a project that is not ours with and without our package, in alternating pairs, with the
/// compiler's own per-analyzer report (ReportAnalyzer), and reads our share of the compile, per analyzer, the generator's
/// time, the export step and the wall-time ratios. Then, in this process, the IDE-like warm reanalysis after a one-line
/// edit (<see cref="WarmReanalysis"/>) on the same compiler command line. How to bring the trees: docs/performance.md.
/// </summary>
/// <remarks>
/// Method (the same as shared/perf-kit/share.sh, so the figures compare with issue 16's): each round builds
/// <c>none</c> (analyzers off) and then <c>ours</c> (our package alone, NetAnalyzers off), and the share is our
/// analyzers' and generator's time in <c>ours</c> over the Csc time of the <c>none</c> build run just before it;
/// shares are taken within a pair because the machine is shared and absolute times drift. With the wall pairs, each
/// round also builds the SDK defaults without and with our package, for the wall ratio a user sees.
/// </remarks>
internal sealed class RealCode
{
    private const string InjectedTargets = """
        <Project>
          <!-- Written by the benchmark's real-code mode (tests/SecurityRequirements.Analyzers.Benchmarks); removed when it ends. -->
          <Import Project="$(MSBuildThisFileDirectory)Directory.Build.targets.sra-original" Condition="Exists('$(MSBuildThisFileDirectory)Directory.Build.targets.sra-original')" />
          <ItemGroup>
            <!-- Tools that need the tree's git history or a Windows targeting pack; an archive of the tree has neither. -->
            <PackageReference Remove="Nerdbank.GitVersioning" />
            <PackageReference Remove="Microsoft.SourceLink.GitHub" />
            <PackageReference Remove="Microsoft.NETFramework.ReferenceAssemblies" />
            <PackageReference Include="SecurityRequirements.Analyzers" Version="$(SraBenchVersion)" PrivateAssets="all" />
          </ItemGroup>
          <PropertyGroup Condition="'$(SraBench)' != 'ours'">
            <SecurityRequirementsAutoInclude>false</SecurityRequirementsAutoInclude>
            <SecurityRequirementsAttestationExport>false</SecurityRequirementsAttestationExport>
          </PropertyGroup>
          <Target Name="_SraBenchSelect" AfterTargets="ResolveLockFileAnalyzers" BeforeTargets="CoreCompile">
            <ItemGroup>
              <Analyzer Remove="@(Analyzer)" Condition="'%(Analyzer.NuGetPackageId)' == 'SecurityRequirements.Analyzers' and '$(SraBench)' != 'ours'" />
            </ItemGroup>
          </Target>
        </Project>
        """;

    /// <summary>
    /// The policy of issue 16: all four checks (encryption and PKCE inferred from their text), PII member globs that
    /// match BouncyCastle's private keys and Newtonsoft's JProperty.Name, and one banned symbol and pattern.
    /// </summary>
    public const string IssuePolicy = """
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
          - id: SEC-002
            name: Authentication
            requirement: OAuth 2.0 with PKCE required for all public clients
          - id: SEC-003
            name: Audit Logging
            requirement: All access to PII must be logged with user ID, timestamp, and action
            check: pii-audit
            parameters:
              pii_members: ["*.Email", "*.Ssn", "*PrivateKeyParameters.*", "RsaPrivateCrtKeyParameters.*", "JProperty.Name"]
          - id: SEC-004
            name: No ad-hoc base64 decoding
            requirement: Decode untrusted input through the shared decoder only; no raw users-table queries
            check: banned
            parameters:
              symbols: ["M:System.Convert.FromBase64String(System.String)"]
              patterns: ['(?i)\bselect\b.+\bfrom\s+users\b']
              instead: use the shared decoder
        """;

    private readonly string _repository;
    private readonly string _tree;
    private readonly string _project;
    private readonly string _work;
    private readonly IReadOnlyList<string> _properties;
    private readonly bool _server;

    /// <param name="server">
    /// Build through the compiler server (<c>UseSharedCompilation=true</c>, the default of <c>dotnet build</c> and of the
    /// IDE's builds) instead of a fresh compiler process per build. The server is shut down before the first build, so the
    /// warm-up pair starts it and pays its JIT; the measured pairs show what every later build pays.
    /// </param>
    public RealCode(string repository, string tree, string project, string work, IReadOnlyList<string> properties, bool server = false)
    {
        _repository = repository;
        _tree = Path.GetFullPath(tree);
        _project = project;
        _work = Path.GetFullPath(work);
        _properties = properties;
        _server = server;
    }

    public async Task<string> RunAsync(int pairs, bool wallPairs, bool warm, int warmRuns, string? feed, string? policyPath)
    {
        Directory.CreateDirectory(Path.Combine(_work, "logs"));
        var version = Pack(ref feed);
        var policy = policyPath is null ? IssuePolicy : File.ReadAllText(policyPath);
        var injected = new List<(string Path, string? Original)>();
        try
        {
            Inject(Path.Combine(_tree, "Directory.Build.targets"), InjectedTargets, injected);
            Inject(Path.Combine(_tree, "security_requirements.yaml"), policy, injected);
            Run("restore", $"restore \"{_project}\" {string.Join(' ', _properties)} -p:SraBenchVersion={version} -p:RestoreAdditionalProjectSources=\"{feed}\"", out _);
            Run("server-shutdown", "build-server shutdown", out _);

            var md = new StringBuilder();
            var compiler = _server ? "through the compiler server, started by the warm-up pair" : "a fresh compiler process per build";
            md.AppendLine(Invariant($"Tree `{_tree}`, project `{_project}`, {pairs} pair(s) after one warm-up pair, {compiler}; {Environment.ProcessorCount} cores, load average before the run {LoadAverage()}."));
            md.AppendLine();
            var rounds = new List<(BuildLog None, BuildLog Ours, double NoneWall, double OursWall, double? SdkWall, double? SdkOursWall, BuildLog? SdkOurs)>();
            for (var round = 0; round <= pairs; round++)
            {
                var tag = round == 0 ? "w0" : "r" + round;
                var (none, noneWall) = Build("none-" + tag, "-p:SraBench=none -p:RunAnalyzers=false", version);
                var (ours, oursWall) = Build("ours-" + tag, "-p:SraBench=ours -p:RunAnalyzers=true -p:EnableNETAnalyzers=false", version);
                double? sdkWall = null, sdkOursWall = null;
                BuildLog? sdkOurs = null;
                if (wallPairs && round > 0)
                {
                    (_, sdkWall) = Build("sdk-" + tag, "-p:SraBench=none", version);
                    (sdkOurs, sdkOursWall) = Build("sdk-ours-" + tag, "-p:SraBench=ours", version);
                }

                if (round > 0)
                {
                    rounds.Add((none, ours, noneWall, oursWall, sdkWall, sdkOursWall, sdkOurs));
                }
            }

            WritePairs(md, rounds.Select(r => (r.None, r.Ours, r.NoneWall, r.OursWall, r.SdkWall, r.SdkOursWall)).ToList());
            WritePerAnalyzer(md, rounds.Select(r => (r.None, r.Ours)).ToList());
            if (warm && rounds.Count > 0 && rounds[^1].Ours.CompilerCommandLine is { } commandLine)
            {
                md.AppendLine("### Warm reanalysis after a one-line edit (in process)");
                md.AppendLine();
                md.Append(await WarmReanalysis.RunAsync(commandLine, Path.GetDirectoryName(Path.Combine(_tree, _project))!, Path.Combine(_tree, "security_requirements.yaml"), warmRuns).ConfigureAwait(false));
            }

            return md.ToString();
        }
        finally
        {
            foreach (var (path, original) in injected)
            {
                File.Delete(path);
                if (original is not null)
                {
                    File.Move(original, path);
                }
            }

            // After the tree is put back, so that a failing shutdown cannot leave our files in it.
            if (_server)
            {
                Run("server-shutdown", "build-server shutdown", out _);
            }
        }
    }

    private static void WritePairs(StringBuilder md, List<(BuildLog None, BuildLog Ours, double NoneWall, double OursWall, double? SdkWall, double? SdkOursWall)> rounds)
    {
        md.AppendLine("| Pair | Csc, analyzers off (s) | Ours: analyzers + generator (s) | Share of Csc | Generator (s) | Wall ours / analyzers off | Wall SDK defaults + ours / SDK defaults | Export task (ms) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            md.AppendLine(Invariant($"| {i + 1} | {r.None.CscSeconds:F2} | {r.Ours.OursSeconds:F3} | {Share(r.Ours.OursSeconds, r.None.CscSeconds)} | {r.Ours.GeneratorSeconds:F3} | {r.OursWall / r.NoneWall:F2}x | {(r.SdkWall is { } a && r.SdkOursWall is { } b ? (b / a).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-")} | {string.Join(", ", r.Ours.ExportMs)} |"));
        }

        var shares = rounds.Select(r => r.Ours.OursSeconds / r.None.CscSeconds).ToList();
        var sdkRatios = rounds.Where(r => r.SdkWall is not null && r.SdkOursWall is not null).Select(r => r.SdkOursWall!.Value / r.SdkWall!.Value).ToList();
        md.AppendLine();
        var sdk = sdkRatios.Count > 0 ? Invariant($"; wall SDK defaults + ours / SDK defaults {PhaseResult.MedianOf(sdkRatios):F2}x") : string.Empty;
        md.AppendLine(Invariant($"**Medians:** ours {PhaseResult.MedianOf(shares):P1} of Csc; generator {PhaseResult.MedianOf(rounds.Select(r => r.Ours.GeneratorSeconds)):F3} s; wall ours / analyzers off {PhaseResult.MedianOf(rounds.Select(r => r.OursWall / r.NoneWall)):F2}x{sdk}."));
        md.AppendLine();
    }

    private static void WritePerAnalyzer(StringBuilder md, List<(BuildLog None, BuildLog Ours)> rounds)
    {
        // Our rules only (their ids start with SRA); the framework's own analyzers in the same build are not ours.
        var names = rounds.SelectMany(r => r.Ours.Analyzers.Keys).Where(n => n.Contains("(SRA", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var rows = names
            .Select(name => (Name: name, Share: PhaseResult.MedianOf(rounds.Select(r => r.Ours.Analyzers.GetValueOrDefault(name) / r.None.CscSeconds)), Seconds: PhaseResult.MedianOf(rounds.Select(r => r.Ours.Analyzers.GetValueOrDefault(name)))))
            .OrderByDescending(r => r.Share)
            .ToList();
        md.AppendLine("| Analyzer (median over the pairs) | Time (s) | Share of Csc |");
        md.AppendLine("|---|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(Invariant($"| {row.Name} | {row.Seconds:F3} | {row.Share:P2} |"));
        }

        md.AppendLine(Invariant($"| (generator) AttestationGenerator | {PhaseResult.MedianOf(rounds.Select(r => r.Ours.GeneratorSeconds)):F3} | {PhaseResult.MedianOf(rounds.Select(r => r.Ours.GeneratorSeconds / r.None.CscSeconds)):P2} |"));
        md.AppendLine();
    }

    private static string Share(double part, double whole) => whole <= 0 ? "-" : (part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Writes a file into the tree; a file of the tree at that path is set aside and put back at the end.</summary>
    private static void Inject(string path, string content, List<(string, string?)> injected)
    {
        string? original = null;
        if (File.Exists(path))
        {
            original = path + ".sra-original";
            File.Move(path, original, overwrite: true);
        }

        File.WriteAllText(path, content);
        injected.Add((path, original));
    }

    /// <summary>Packs this repository into a feed of its own (or uses <paramref name="feed"/>) and returns the package version.</summary>
    private string Pack(ref string? feed)
    {
        if (feed is null)
        {
            feed = Path.Combine(_work, "feed");
            if (Directory.Exists(feed))
            {
                Directory.Delete(feed, recursive: true);
            }

            Run("pack", $"pack \"{Path.Combine(_repository, "SecurityRequirements.Analyzers.sln")}\" -c Release -o \"{feed}\"", out _);
        }

        // Every local pack has the same version: drop the extracted copy so restore takes this one.
        var cached = Path.Combine(_work, "packages", "securityrequirements.analyzers");
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }

        var package = Directory.GetFiles(feed, "SecurityRequirements.Analyzers.*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!["SecurityRequirements.Analyzers.".Length..])
            .FirstOrDefault(v => v.Length > 0 && char.IsDigit(v[0]))
            ?? throw new InvalidOperationException($"No SecurityRequirements.Analyzers package in {feed}.");
        return package;
    }

    private (BuildLog Log, double WallSeconds) Build(string name, string selection, string version)
    {
        var log = Path.Combine(_work, "logs", name + ".log");
        var arguments = $"build \"{_project}\" --no-restore --no-incremental -p:UseSharedCompilation={(_server ? "true" : "false")} -nodeReuse:false {string.Join(' ', _properties)} " +
            $"-p:EnableTrimAnalyzer=false -p:EnableAotAnalyzer=false -p:EnableSingleFileAnalyzer=false -p:SraBenchVersion={version} {selection} " +
            "-p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary";
        var wall = Run(name, arguments, out var output);
        File.WriteAllText(log, output);
        var parsed = BuildLog.Read(log);
        Console.Error.WriteLine(Invariant($"   {name}: wall {wall:F1} s, Csc {parsed.CscSeconds:F2} s, ours {parsed.OursSeconds:F3} s"));
        return (parsed, wall);
    }

    private double Run(string name, string arguments, out string output)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = _tree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_work, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        var wall = stopwatch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            File.WriteAllText(Path.Combine(_work, "logs", name + ".failed.log"), output);
            throw new InvalidOperationException($"dotnet {name} failed (exit {process.ExitCode}); see {Path.Combine(_work, "logs", name + ".failed.log")}");
        }

        return wall;
    }
}
