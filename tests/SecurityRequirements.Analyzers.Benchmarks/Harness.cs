using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// Measures one compilation in one process: compile only, each analyzer set through
/// <see cref="CompilationWithAnalyzers"/> with execution-time telemetry, and the attestation generator.
/// Every phase starts from a fresh clone of the compilation, so no phase profits from another's binding.
/// </summary>
internal sealed class Harness(IReadOnlyList<MetadataReference> references)
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly BenchOptionsProvider OptionsProvider = new(ImmutableDictionary<string, string>.Empty
        .Add("build_property.SecurityRequirementsToday", "2026-06-01")
        .Add("build_property.MSBuildProjectDirectory", "/bench"));

    public static AnalyzerConfigOptionsProvider Options => OptionsProvider;

    public (ImmutableArray<SyntaxTree> Trees, double ParseMs) Parse(IReadOnlyList<(string Path, string Text)> sources)
    {
        var stopwatch = Stopwatch.StartNew();
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), ParseOptions, s.Path))
            .ToImmutableArray();
        foreach (var tree in trees)
        {
            tree.GetRoot();
        }

        return (trees, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Single-threaded compile (concurrentBuild: false) so that it compares with the telemetry of
    /// analyzers run with concurrentAnalysis: false: both are time on one core.
    /// </summary>
    public CSharpCompilation Create(ImmutableArray<SyntaxTree> trees) => CSharpCompilation.Create(
        "Bench",
        trees,
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    public static PhaseResult MeasureCompile(CSharpCompilation compilation)
    {
        var fresh = compilation.Clone();
        Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = fresh.GetDiagnostics();
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var note = errors.Length == 0 ? string.Empty : $"{errors.Length} compile errors, first: {errors[0]}";
        return new PhaseResult(wall, 0, ImmutableDictionary<string, double>.Empty, allocated, diagnostics.Length, 0, note);
    }

    public static async Task<PhaseResult> MeasureToolAsync(CSharpCompilation compilation, ToolSet tool, ImmutableArray<AdditionalText> additionalFiles)
    {
        var fresh = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(tool.Severities)).Clone();
        var exceptions = 0;
        string? firstException = null;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, OptionsProvider),
            (exception, analyzer, _) =>
            {
                Interlocked.Increment(ref exceptions);
                firstException ??= $"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}";
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = fresh.WithAnalyzers(tool.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var perAnalyzer = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in tool.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            var name = analyzer.GetType().Name;
            perAnalyzer[name] = perAnalyzer.GetValueOrDefault(name) + telemetry.ExecutionTime.TotalMilliseconds;
        }

        var ad0001 = diagnostics.Count(d => d.Id == "AD0001");
        return new PhaseResult(wall, perAnalyzer.Values.Sum(), perAnalyzer.ToImmutable(), allocated, diagnostics.Length, exceptions + ad0001, firstException ?? string.Empty);
    }

    public static GeneratorResult MeasureGenerator(CSharpCompilation compilation)
    {
        var yaml = new InMemoryAdditionalText(RepresentativeRequirements.Path, SourceText.From(RepresentativeRequirements.Yaml));
        var driver = (GeneratorDriver)CSharpGeneratorDriver.Create(
            new[] { new AttestationGenerator().AsSourceGenerator() },
            new AdditionalText[] { yaml },
            ParseOptions,
            OptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        var first = compilation.Clone();
        Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(first);
        var firstMs = stopwatch.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var notes = new List<string>();
        var firstResult = driver.GetRunResult().Results[0];
        if (firstResult.Exception is not null || firstResult.GeneratedSources.Length != 1)
        {
            notes.Add($"first run: {firstResult.Exception?.Message ?? $"{firstResult.GeneratedSources.Length} sources"}");
        }

        var edited = first.ReplaceSyntaxTree(EditTarget(first), UnrelatedEdit(EditTarget(first)));
        stopwatch.Restart();
        driver = driver.RunGenerators(edited);
        var editMs = stopwatch.Elapsed.TotalMilliseconds;
        var allCached = AllCachedOrUnchanged(driver.GetRunResult().Results[0], notes);

        var yamlEdited = new InMemoryAdditionalText(RepresentativeRequirements.Path, SourceText.From(RepresentativeRequirements.Edited));
        driver = driver.ReplaceAdditionalText(yaml, yamlEdited);
        stopwatch.Restart();
        driver = driver.RunGenerators(edited);
        var yamlMs = stopwatch.Elapsed.TotalMilliseconds;
        var reparsed = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.RequirementsFiles]
            .Any(step => step.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified));
        if (!reparsed)
        {
            notes.Add("the YAML edit did not reach the requirements step");
        }

        return new GeneratorResult(firstMs, editMs, yamlMs, allocated, allCached, reparsed, string.Join("; ", notes));
    }

    /// <summary>
    /// Runs our analyzers over two compilations (before and after a C# edit) that share one YAML text, and
    /// returns how many times that text was parsed: 1 when the per-text cache works across compilations.
    /// </summary>
    public static async Task<int> CountYamlParsesAsync(CSharpCompilation compilation, ToolSet ours)
    {
        var counting = new CountingSourceText(SourceText.From(RepresentativeRequirements.Yaml));
        var files = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(RepresentativeRequirements.Path, counting));
        await MeasureToolAsync(compilation, ours, files).ConfigureAwait(false);
        var edited = compilation.ReplaceSyntaxTree(EditTarget(compilation), UnrelatedEdit(EditTarget(compilation)));
        await MeasureToolAsync(edited, ours, files).ConfigureAwait(false);
        return counting.FullReads;
    }

    private static bool AllCachedOrUnchanged(GeneratorRunResult result, List<string> notes)
    {
        var ok = true;
        foreach (var name in TrackingNames.All)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        notes.Add($"C# edit: step {name} output {reason}");
                        ok = false;
                    }
                }
            }
        }

        foreach (var step in result.TrackedOutputSteps.SelectMany(pair => pair.Value))
        {
            foreach (var (_, reason) in step.Outputs)
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    notes.Add($"C# edit: source output {reason}");
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static SyntaxTree EditTarget(Compilation compilation) =>
        compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("CustomerService.cs", StringComparison.Ordinal));

    /// <summary>One line of a method body changes, as when a developer types: a constant's value.</summary>
    private static SyntaxTree UnrelatedEdit(SyntaxTree tree)
    {
        var text = tree.GetText();
        const string Marker = "private const int PageSize = ";
        var start = text.ToString().IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, 0), "1")));
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
