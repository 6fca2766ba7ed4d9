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
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The project has no compilation.");
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(SraComponents.Instance.Analyzers, Options(options, failures));
        var documents = ImmutableArray.CreateBuilder<AnalyzedDocument>();
        foreach (var id in documentIds)
        {
            var document = project.GetDocument(id)!;
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var model = compilation.GetSemanticModel(tree!);
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree!, cancellationToken).ConfigureAwait(false);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
            var errors = model.GetDiagnostics(span: null, cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error);
            documents.Add(new AnalyzedDocument(document, Sorted(syntax.Concat(semantic).Where(IsReported)), Sorted(errors)));
        }

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
            logAnalyzerExecutionTime: false,
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
