using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// The fixed cost of one compilation in a fresh process, as a command-line build pays it: our code is not yet
/// compiled by the JIT, the YAML has never been parsed. Roslyn's own code is warmed first (the compiler ships
/// precompiled, our assembly does not), with an empty analyzer and an empty generator, so that only our part is timed.
/// Then the same steps again on a fresh compilation and a fresh YAML text: what a warm process (build server, IDE) pays.
/// </summary>
internal static class ColdStart
{
    public static async Task<string> RunAsync(IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var md = new StringBuilder();
        var tree = CSharpSyntaxTree.ParseText("namespace Tiny; public static class P { public static int Main() { var s = \"hello\"; return s.Length; } }", Harness.ParseOptions, "/bench/Program.cs");
        var compilation = CSharpCompilation.Create("Tiny", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

        // Roslyn warm-up: compile, drive an empty analyzer and an empty incremental generator.
        compilation.Clone().GetDiagnostics();
        await RunAnalyzersAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyReferenceAnalyzer()), Yaml()).ConfigureAwait(false);
        CSharpGeneratorDriver.Create(new[] { new EmptyGenerator().AsSourceGenerator() }, new[] { Yaml() }, Harness.ParseOptions, Harness.Options).RunGenerators(compilation.Clone());

        md.AppendLine("| Step (one-file compilation) | Cold process (ms) | Warm process (ms) |");
        md.AppendLine("|---|---:|---:|");
        var cold = await MeasureAsync(compilation, ours).ConfigureAwait(false);
        var warm = await MeasureAsync(compilation, ours).ConfigureAwait(false);
        foreach (var (name, ms) in cold)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F1} | {warm.FirstOrDefault(w => w.Name == name).Ms:F1} |"));
        }

        return md.ToString();
    }

    private static async Task<List<(string Name, double Ms)>> MeasureAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> ours)
    {
        var steps = new List<(string, double)>();
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        void Jit(string step)
        {
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
            var time = System.Runtime.JitInfo.GetCompilationTime() - jitTime;
            steps.Add(("  JIT during " + step + ": " + methods + " methods, ms", time.TotalMilliseconds));
            jitMethods += methods;
            jitTime += time;
        }

        var yaml = Yaml();
        var stopwatch = Stopwatch.StartNew();
        RequirementsContext.Parse(yaml.GetText()!);
        steps.Add(("YAML parse", stopwatch.Elapsed.TotalMilliseconds));
        Jit("YAML parse");

        stopwatch.Restart();
        var driver = CSharpGeneratorDriver.Create(new[] { new AttestationGenerator().AsSourceGenerator() }, new[] { yaml }, Harness.ParseOptions, Harness.Options, new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var run = driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];
        steps.Add(("Generator first run (YAML already parsed)", stopwatch.Elapsed.TotalMilliseconds));
        Jit("generator");
        foreach (var step in run.TrackedSteps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            steps.Add(("  step " + step.Key, step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)));
        }

        foreach (var step in run.TrackedOutputSteps)
        {
            steps.Add(("  output " + step.Key, step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)));
        }


        stopwatch.Restart();
        var counting = new CountingAdditionalText(yaml);
        var perAnalyzer = await RunAnalyzersAsync(compilation, ours, counting).ConfigureAwait(false);
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        steps.Add(("Analyzers, wall (driver included)", wall));
        Jit("analyzers");
        steps.Add(("Analyzers, own time (telemetry, all)", perAnalyzer.Values.Sum()));
        // The policy is resolved once per compilation when every analyzer's compilation start shares it: one read of the file.
        steps.Add(("  policy resolutions for " + ours.Length + " analyzers (reads of the YAML file), count", counting.Reads));
        foreach (var pair in perAnalyzer.OrderByDescending(p => p.Value))
        {
            steps.Add(("  " + pair.Key, pair.Value));
        }

        return steps;
    }

    private static async Task<Dictionary<string, double>> RunAnalyzersAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AdditionalText yaml)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray.Create(yaml), Harness.Options), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            result[analyzer.GetType().Name] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        return result;
    }

    /// <summary>Counts how often the analyzers ask for the requirements file's text: once per policy resolution.</summary>
    private sealed class CountingAdditionalText(AdditionalText inner) : AdditionalText
    {
        private int _reads;

        public int Reads => _reads;

        public override string Path => inner.Path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetText(cancellationToken);
        }
    }

    private static InMemoryAdditionalText Yaml() => new(RepresentativeRequirements.Path, SourceText.From(RepresentativeRequirements.Yaml));

    /// <summary>Warms the generator driver's own code.</summary>
    private sealed class EmptyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider.Select(static (t, _) => t.Path), static (_, _) => { });
    }
}
