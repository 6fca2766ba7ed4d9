using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// IDE-like reanalysis in a warm process: the project's compilation is built from the compiler command line of a real
/// build, everything runs once (JIT, YAML parse, metadata), then a one-line edit inside a method body makes a new
/// compilation, as a keystroke does. Measured on that new compilation: the generator's incremental run, the compile
/// (<c>GetDiagnostics</c>, single-threaded) and our analyzers' own time (telemetry, concurrent analysis off).
/// </summary>
internal static class WarmReanalysis
{
    public static async Task<string> RunAsync(string commandLine, string projectDirectory, string yamlPath, int runs)
    {
        var arguments = CommandLineParser.SplitCommandLineIntoArguments(commandLine, removeHashComments: false).Skip(1).ToArray();
        var parsed = CSharpCommandLineParser.Default.Parse(arguments, projectDirectory, sdkDirectory: null);
        var parseOptions = parsed.ParseOptions;
        var trees = parsed.SourceFiles
            .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(file.Path), Encoding.UTF8), parseOptions, file.Path))
            .ToImmutableArray();
        var references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(Path.GetFullPath(r.Reference, projectDirectory))).ToList();
        var configs = parsed.AnalyzerConfigPaths.Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p)).ToImmutableArray();
        var provider = new ConfigOptionsProvider(AnalyzerConfigSet.Create(configs));
        // Named as the package names it, whatever the file given: the analyzers find the policy by that name.
        var yaml = new InMemoryAdditionalText(Path.Combine(projectDirectory, Configuration.RequirementsContext.FileName), SourceText.From(File.ReadAllText(yamlPath), Encoding.UTF8));
        var compilation = CSharpCompilation.Create(parsed.CompilationName, trees, references, parsed.CompilationOptions.WithConcurrentBuild(false));
        var ours = OurAnalyzers.Load();

        var driver = (GeneratorDriver)CSharpGeneratorDriver.Create(
            new[] { new AttestationGenerator().AsSourceGenerator() }, new AdditionalText[] { yaml }, parseOptions, provider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        // Warm-up: everything once, as an IDE has done long before the keystroke. Timed too: the first run in a fresh
        // process is what a command-line build pays (our code not yet compiled by the JIT, the YAML never parsed), here
        // single-threaded and after the compiler has bound everything, so only our own work is counted.
        var coldWatch = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var coldGeneratorMs = coldWatch.Elapsed.TotalMilliseconds;
        generated.GetDiagnostics();
        var coldTimes = await AnalyzeAsync(generated, ours, yaml, provider).ConfigureAwait(false);

        var target = trees.OrderByDescending(t => t.Length).First(t => Editable(t) is not null);
        var compileMs = new List<double>();
        var oursMs = new List<double>();
        var generatorMs = new List<double>();
        var cached = true;
        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var run = 1; run <= runs; run++)
        {
            var edited = compilation.ReplaceSyntaxTree(target, Edit(target, run));
            var stopwatch = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(edited, out var withGenerated, out _);
            generatorMs.Add(stopwatch.Elapsed.TotalMilliseconds);
            cached &= driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs)
                .All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

            var compile = withGenerated.Clone();
            stopwatch.Restart();
            compile.GetDiagnostics();
            compileMs.Add(stopwatch.Elapsed.TotalMilliseconds);

            var times = await AnalyzeAsync(withGenerated.Clone(), ours, yaml, provider).ConfigureAwait(false);
            oursMs.Add(times.Values.Sum());
            foreach (var (name, ms) in times)
            {
                (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(ms);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   warm run {run}: compile {compileMs[^1]:F0} ms, ours {oursMs[^1]:F0} ms, generator {generatorMs[^1]:F1} ms"));
        }

        var md = new StringBuilder();
        var compileMedian = PhaseResult.MedianOf(compileMs);
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Edited file `{Path.GetFileName(target.FilePath)}` ({trees.Length} files), median of {runs} edit(s):"));
        md.AppendLine();
        md.AppendLine("| Warm compile (ms) | Ours (ms) | Ours / warm compile | Generator re-run (ms) | Generator output cached |");
        md.AppendLine("|---:|---:|---:|---:|---|");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {compileMedian:F0} | {PhaseResult.MedianOf(oursMs):F0} | {PhaseResult.MedianOf(oursMs) / compileMedian:P1} | {PhaseResult.MedianOf(generatorMs):F1} | {(cached ? "yes" : "no")} |"));
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"First run in this process (cold): generator {coldGeneratorMs:F0} ms, our analyzers {coldTimes.Values.Sum():F0} ms."));
        md.AppendLine();
        md.AppendLine("| Analyzer | Cold (ms) | Warm (ms) | Warm share of warm compile |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, list) in perAnalyzer.OrderByDescending(p => PhaseResult.MedianOf(p.Value)))
        {
            var median = PhaseResult.MedianOf(list);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {coldTimes.GetValueOrDefault(name):F1} | {median:F1} | {median / compileMedian:P2} |"));
        }

        md.AppendLine();
        return md.ToString();
    }

    private static async Task<Dictionary<string, double>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AdditionalText yaml, AnalyzerConfigOptionsProvider provider)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray.Create(yaml), provider), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            times[analyzer.GetType().Name] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        return times;
    }

    private static BlockSyntax? Editable(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Select(m => m.Body).FirstOrDefault(b => b is not null);

    /// <summary>A statement typed at the start of the first method body: <c>_ = run;</c>.</summary>
    private static SyntaxTree Edit(SyntaxTree tree, int run)
    {
        var body = Editable(tree)!;
        var text = tree.GetText();
        return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(body.OpenBraceToken.Span.End, 0), " _ = " + run.ToString(CultureInfo.InvariantCulture) + ";")));
    }

    /// <summary>The options of .editorconfig and global configs per file, as the compiler reads them.</summary>
    private sealed class ConfigOptionsProvider(AnalyzerConfigSet set) : AnalyzerConfigOptionsProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

        private AnalyzerConfigOptions For(string path) => _byPath.GetOrAdd(path, p => new Options(set.GetOptionsForSourcePath(p).AnalyzerOptions));

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => values.Keys;
        }
    }
}
