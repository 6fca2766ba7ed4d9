using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>
/// Runs the SRA analyzers on chosen documents of a project, with the whole project's compilation as the semantic
/// context (other files, references, generated code), as the IDE analyses an open file. Only the chosen documents are
/// analysed, so a call costs what one file costs, not what the project costs.
/// </summary>
internal static class ProjectAnalysis
{
    public static async Task<AnalysisReport> AnalyzeAsync(Project project, AnalyzerOptions options, IEnumerable<DocumentId> documentIds, CancellationToken cancellationToken)
    {
        var trace = Trace.Start();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The project has no compilation.");
        trace.Mark("compilation");
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(SraComponents.Instance.Analyzers, Options(options, failures));
        var documents = ImmutableArray.CreateBuilder<AnalyzedDocument>();
        foreach (var id in documentIds)
        {
            var document = project.GetDocument(id)!;
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            // The analyzers' own compilation (it carries their semantic model cache), so the compiler's diagnostics reuse their binding.
            var model = withAnalyzers.Compilation.GetSemanticModel(tree!);

            // The file's whole span rather than none: a request for the whole tree also decides which usings are unused, which
            // for global usings binds every file of the project; the span covers every node of the file all the same.
            var span = (await tree!.GetRootAsync(cancellationToken).ConfigureAwait(false)).FullSpan;

            // The analyzers and the compiler's own checks of the file are independent: on two cores they run side by side.
            var analyzers = Task.Run(
                async () =>
                {
                    var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree!, cancellationToken).ConfigureAwait(false);
                    var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false);
                    return syntax.AddRange(semantic);
                },
                cancellationToken);
            var errors = Task.Run(() => model.GetDiagnostics(span, cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), cancellationToken);
            await Task.WhenAll(analyzers, errors).ConfigureAwait(false);
            trace.Mark("analyzers and compiler diagnostics of " + Path.GetFileName(tree!.FilePath));
            documents.Add(new AnalyzedDocument(document, Sorted((await analyzers.ConfigureAwait(false)).Where(IsReported)), Sorted(await errors.ConfigureAwait(false))));
        }

        if (Trace.IsEnabled)
        {
            var times = new List<(string Name, double Ms)>();
            foreach (var analyzer in SraComponents.Instance.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                times.Add((analyzer.GetType().Name, telemetry.ExecutionTime.TotalMilliseconds));
            }

            var top = times
                .OrderByDescending(t => t.Ms)
                .Take(5)
                .Select(t => $"{t.Name} {t.Ms:F0}");
            trace.Mark("top analyzers: " + string.Join(", ", top));
        }

        trace.Write("analysis");

        return new AnalysisReport(compilation, documents.ToImmutable(), [.. failures.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Every SRA diagnostic of the project's own files (what a build reports), for the attestation's view of the build.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)> AnalyzeAllAsync(Project project, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The project has no compilation.");
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(SraComponents.Instance.Analyzers, Options(options, failures));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return (Sorted(diagnostics.Where(IsReported)), [.. failures.Distinct(StringComparer.Ordinal)]);
    }

    private static CompilationWithAnalyzersOptions Options(AnalyzerOptions options, ConcurrentQueue<string> failures) =>
        new(
            options,
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message} (a bug of the analyzer: its diagnostics may be missing)"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: Trace.IsEnabled,
            reportSuppressedDiagnostics: false);

    private static bool IsReported(Diagnostic diagnostic) =>
        diagnostic.Severity != DiagnosticSeverity.Hidden && !diagnostic.IsSuppressed && diagnostic.Id.StartsWith("SRA", StringComparison.Ordinal);

    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Distinct()
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)];
}
