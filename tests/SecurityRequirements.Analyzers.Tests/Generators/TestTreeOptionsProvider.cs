using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>Per-file diagnostic severities, as a .editorconfig section gives them to the compiler.</summary>
internal sealed class TestTreeOptionsProvider(IReadOnlyDictionary<string, ReportDiagnostic> global, Func<SyntaxTree, string, ReportDiagnostic?> perTree) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        var value = perTree(tree, diagnosticId);
        severity = value ?? ReportDiagnostic.Default;
        return value is not null;
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        global.TryGetValue(diagnosticId, out severity);
}
