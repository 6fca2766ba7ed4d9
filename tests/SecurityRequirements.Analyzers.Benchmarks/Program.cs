using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Analyzers;
using SecurityRequirements.Analyzers.Benchmarks;

// Usage: dotnet run -c Release --project tests/SecurityRequirements.Analyzers.Benchmarks -- [--sizes 10000,50000,200000] [--runs 3] [--seed 42] [--out file.md] [--no-peers] [--tools ours]
//        ... -- --cold                      (the fixed cost of a first compilation in a fresh process)
//        ... -- --real <folder> --project <csproj relative to it> [--pairs 3] [--property -p:X=Y]... [--no-wall] [--no-warm] [--server] [--warm-runs 3] [--feed dir] [--policy yaml] [--work dir]
//        ... -- --mcp [--files 200] [--runs 20] [--out file.md]   (the MCP server: cold start and warm check latency)
//        ... -- --diagnostics <folder of .sarif logs> [--root dir] [--out file.md] [--tsv file.tsv]: our diagnostics of a built tree per rule (docs/real-code/collect.sh).
if (args is ["--diagnostics", ..])
{
    return RealCodeDiagnostics.Run(args[1..]);
}

var sizes = new List<int> { 10_000, 50_000, 200_000 };
var runs = 3;
var seed = 42;
string? outPath = null;
var peers = true;
string[]? only = null;
var cold = false;
string? realTree = null;
string? realProject = null;
var realPairs = 3;
var realProperties = new List<string>();
var wallPairs = true;
var server = false;
var warm = true;
var warmRuns = 3;
string? feed = null;
string? policy = null;
var work = Path.Combine(Path.GetTempPath(), "sra-real-code");
string? warmLog = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--mcp":
            // The MCP server's cold start and warm check latency (McpBenchmark.cs); the arguments after it are its own.
            return await McpBenchmark.RunAsync(args[(i + 1)..]);
        case "--sizes":
            sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            break;
        case "--runs":
            runs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--out":
            outPath = args[++i];
            break;
        case "--cold":
            // The fixed cost of a first compilation in this (fresh) process, then the same in a warm one.
            cold = true;
            break;
        case "--real":
            // Real-code mode: a folder with a project that is not ours (docs/performance.md).
            realTree = args[++i];
            break;
        case "--project":
            realProject = args[++i];
            break;
        case "--pairs":
            realPairs = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--property":
            realProperties.Add(args[++i]);
            break;
        case "--no-wall":
            wallPairs = false;
            break;
        case "--server":
            // Real-code mode through the compiler server (UseSharedCompilation=true), as repeated dotnet builds and the IDE run.
            server = true;
            break;
        case "--no-warm":
            warm = false;
            break;
        case "--warm-runs":
            warmRuns = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--feed":
            feed = Path.GetFullPath(args[++i]);
            break;
        case "--policy":
            policy = Path.GetFullPath(args[++i]);
            break;
        case "--work":
            work = args[++i];
            break;
        case "--warm-log":
            // Warm reanalysis alone, from the compiler command line in a build log of the real-code mode (logs/ours-r1.log);
            // --real names the project folder the command line is relative to and --policy the requirements file.
            warmLog = args[++i];
            break;
        case "--no-peers":
            peers = false;
            break;
        case "--tools":
            // Peers to measure besides ours, e.g. --tools SecurityCodeScan; "--tools ours" measures ours alone (for profiling)
            only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: --sizes 10000,50000,200000 --runs 3 --seed 42 --out file.md --no-peers --tools ours,SecurityCodeScan");
            return 2;
    }
}

#if DEBUG
Console.Error.WriteLine("Warning: a Debug build; run with -c Release for figures worth reading.");
#endif

if (warmLog is not null)
{
    var commandLine = BuildLog.Read(warmLog).CompilerCommandLine ?? throw new InvalidOperationException("No compiler command line in " + warmLog);
    var warmTable = await WarmReanalysis.RunAsync(commandLine, Path.GetFullPath(realTree ?? "."), policy ?? throw new InvalidOperationException("--warm-log needs --policy <yaml>"), warmRuns);
    Console.WriteLine(warmTable);
    if (outPath is not null)
    {
        File.WriteAllText(outPath, warmTable);
    }

    return 0;
}

if (realTree is not null)
{
    if (realProject is null)
    {
        Console.Error.WriteLine("--real needs --project <path of the .csproj, relative to the folder>.");
        return 2;
    }

    var repository = FindRepository();
    var realTable = await new RealCode(repository, realTree, realProject, work, realProperties, server).RunAsync(realPairs, wallPairs, warm, warmRuns, feed, policy);
    Console.WriteLine(realTable);
    if (outPath is not null)
    {
        File.WriteAllText(outPath, realTable);
    }

    return 0;
}

var total = Stopwatch.StartNew();
var references = ReferenceSet.Load(out var referenceDescription);
var harness = new Harness(references);

if (cold)
{
    var coldTable = await ColdStart.RunAsync(references, LoadOurs());
    Console.WriteLine(coldTable);
    if (outPath is not null)
    {
        File.WriteAllText(outPath, coldTable);
    }

    return 0;
}

var ours = new ToolSet("ours", LoadOurs(), ImmutableDictionary<string, ReportDiagnostic>.Empty);
var floor = new ToolSet("floor", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyReferenceAnalyzer()), ImmutableDictionary<string, ReportDiagnostic>.Empty);
var tools = new List<ToolSet> { ours, floor };
if (peers)
{
    var loader = new IsolatedAnalyzerLoader();
    var scsPath = PackagePath("SecurityCodeScanPath", "securitycodescan.vs2019", "5.6.7");
    var scs = Load(loader, Path.Combine(scsPath, "analyzers", "dotnet", "SecurityCodeScan.VS2019.dll"));
    tools.Add(new ToolSet("SecurityCodeScan", scs, ImmutableDictionary<string, ReportDiagnostic>.Empty));

    var netPath = Path.Combine(PackagePath("NetAnalyzersPath", "microsoft.codeanalysis.netanalyzers", "10.0.401"), "analyzers", "dotnet", "cs");
    var net = Load(loader, Path.Combine(netPath, "Microsoft.CodeAnalysis.NetAnalyzers.dll"))
        .AddRange(Load(loader, Path.Combine(netPath, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")));
    tools.Add(ToolSet.Subset("NetAnalyzers-security", net, d => d.Category == "Security"));
    tools.Add(ToolSet.Subset("NetAnalyzers-crypto", net, d => NetAnalyzersCryptoRules.Ids.Contains(d.Id)));
}

if (only is not null)
{
    tools.RemoveAll(t => t != ours && !only.Contains(t.Name, StringComparer.OrdinalIgnoreCase));
}

Console.Error.WriteLine($"References: {referenceDescription} ({references.Count} assemblies)");
foreach (var tool in tools)
{
    Console.Error.WriteLine($"{tool.Name}: {tool.Analyzers.Length} analyzers, {tool.Severities.Count(p => p.Value != ReportDiagnostic.Suppress)} rules enabled explicitly");
}

var results = new List<SizeResult>();
var yamlParses = -1;
for (var s = 0; s < sizes.Count; s++)
{
    var size = sizes[s];
    var sources = CodebaseGenerator.Generate(size, seed);
    var lines = sources.Sum(f => CodebaseGenerator.CountLines(f.Text));
    var (trees, parseMs) = harness.Parse(sources);
    var compilation = harness.Create(trees);
    Console.Error.WriteLine($"== {lines:N0} lines in {sources.Count} files (parsed in {parseMs:F0} ms)");

    // The first size gets one unrecorded pass so that JIT and metadata loading are not charged to it.
    var passes = s == 0 ? runs + 1 : runs;
    var compileRuns = new List<PhaseResult>();
    var toolRuns = tools.ToDictionary(t => t.Name, _ => new List<PhaseResult>());
    var generatorRuns = new List<GeneratorResult>();
    for (var pass = 0; pass < passes; pass++)
    {
        var record = pass >= passes - runs;
        var compile = Harness.MeasureCompile(compilation);
        if (record)
        {
            compileRuns.Add(compile);
        }

        Console.Error.WriteLine($"   {(record ? "run" : "warm-up")} {pass + 1}: compile {compile.WallMs:F0} ms {compile.Note}");
        foreach (var tool in tools)
        {
            // A fresh YAML text each time: a command-line build parses it once per compilation, and that cost is ours.
            var yaml = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(RepresentativeRequirements.Path, SourceText.From(RepresentativeRequirements.Yaml)));
            var result = await Harness.MeasureToolAsync(compilation, tool, yaml);
            if (record)
            {
                toolRuns[tool.Name].Add(result);
            }

            Console.Error.WriteLine($"   {tool.Name}: analyzers {result.AnalyzerMs:F0} ms (wall {result.WallMs:F0} ms), {result.Diagnostics} findings {result.Note}");
        }

        var generator = Harness.MeasureGenerator(compilation);
        if (record)
        {
            generatorRuns.Add(generator);
        }

        Console.Error.WriteLine($"   generator: first {generator.FirstMs:F1} ms, C# edit {generator.CSharpEditMs:F1} ms, YAML edit {generator.YamlEditMs:F1} ms {generator.Note}");
    }

    if (s == 0)
    {
        yamlParses = await Harness.CountYamlParsesAsync(compilation, ours);
    }

    results.Add(new SizeResult(
        size,
        lines,
        sources.Count,
        parseMs,
        PhaseResult.Median(compileRuns),
        toolRuns.ToDictionary(p => p.Key, p => PhaseResult.Median(p.Value)),
        GeneratorResult.Median(generatorRuns)));
}

var report = Report.Write(results, tools.Select(t => t.Name).ToList(), runs, seed, yamlParses, referenceDescription, total.Elapsed);
Console.WriteLine(report.Markdown);
if (outPath is not null)
{
    File.WriteAllText(outPath, report.Markdown);
}

// Exit 1 only when something crashed (an analyzer exception, a compile error in the generated code, a generator
// failure); missed targets are reported, not failed on, because timings on a shared machine are noisy.
return report.Crashed ? 1 : 0;

static ImmutableArray<DiagnosticAnalyzer> LoadOurs() => OurAnalyzers.Load();

// The checkout this harness was built from: the folder above it that holds the solution.
static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "SecurityRequirements.Analyzers.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("SecurityRequirements.Analyzers.sln was not found above " + AppContext.BaseDirectory);
}

static ImmutableArray<DiagnosticAnalyzer> Load(IAnalyzerAssemblyLoader loader, string path)
{
    var reference = new AnalyzerFileReference(path, loader);
    string? failure = null;
    reference.AnalyzerLoadFailed += (_, e) => failure ??= $"{e.TypeName}: {e.Message}";
    var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
    if (analyzers.IsEmpty)
    {
        throw new InvalidOperationException($"No analyzer loaded from {path}: {failure}");
    }

    return analyzers;
}

static string PackagePath(string metadataKey, string id, string version)
{
    var baked = typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == metadataKey)?.Value;
    if (!string.IsNullOrEmpty(baked) && Directory.Exists(baked))
    {
        return baked;
    }

    var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    return Path.Combine(home, id, version);
}
