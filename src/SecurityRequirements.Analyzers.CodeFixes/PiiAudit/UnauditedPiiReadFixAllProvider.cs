using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>
/// Fix All for SRA3001. A batch fixer would add the shared helper class once per fixed document; this one fixes
/// document by document on one solution, and the helper is added only while the project still lacks it.
/// </summary>
internal sealed class UnauditedPiiReadFixAllProvider : FixAllProvider
{
    public static readonly UnauditedPiiReadFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var action = CodeAction.Create(
            "Audit-log every read of personal data",
            ct => FixAllAsync(fixAllContext, ct),
            fixAllContext.CodeActionEquivalenceKey);
        return Task.FromResult<CodeAction?>(action);
    }

    private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents.ToArray(),
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
            _ => System.Array.Empty<Document>(),
        };

        var solution = context.Solution;
        foreach (var original in documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(original).ConfigureAwait(false);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            // Each document changes once, so its diagnostics' spans still fit; plans read the current solution, so a helper added for an earlier document is seen and not added again.
            var current = solution.GetDocument(original.Id);
            if (current is not null)
            {
                solution = await AuditCallApplier.ApplyAsync(solution, current, diagnostics, cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }
}
