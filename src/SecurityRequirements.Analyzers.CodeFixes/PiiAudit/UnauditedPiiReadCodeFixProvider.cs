using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>
/// SRA3001: Audit-log every read of personal data. Inserts, before the statement that reads, a call to the
/// project's <c>PiiAuditLog.PiiAccessed</c> [LoggerMessage] helper (added once per project) with the logger,
/// the audit fields from what is in scope and the action "read Type.Member".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnauditedPiiReadCodeFixProvider)), Shared]
public sealed class UnauditedPiiReadCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticIds.UnauditedPiiRead + ".AuditHelper";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnauditedPiiRead);

    public override FixAllProvider GetFixAllProvider() => UnauditedPiiReadFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // Plan first: a fix is offered only when a logger is in scope and the insertion point exists.
            var plan = await AuditCallPlanner.PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Audit-log this read with PiiAuditLog." + AuditHelperSource.MethodName,
                    ct => AuditCallApplier.ApplyAsync(document.Project.Solution, document, new[] { diagnostic }, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
