using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>
/// Fix All for fixes that share a helper class: gathers every document's diagnostics in scope and hands them to one
/// solution-level rewrite, which can then add the helper once per project however many sites it fixes.
/// </summary>
internal sealed class SolutionBatchFixAllProvider : FixAllProvider
{
    private readonly string _title;
    private readonly string _equivalenceKey;
    private readonly Func<Solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> _fix;

    public SolutionBatchFixAllProvider(string title, string equivalenceKey, Func<Solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> fix)
    {
        _title = title;
        _equivalenceKey = equivalenceKey;
        _fix = fix;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
        Task.FromResult<CodeAction?>(CodeAction.Create(_title, ct => FixAllAsync(fixAllContext, ct), equivalenceKey: _equivalenceKey));

    private async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents.ToArray(),
            _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
        };

        var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
        foreach (var document in documents)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                work.Add((document.Id, diagnostics));
            }
        }

        return await _fix(context.Solution, work, cancellationToken).ConfigureAwait(false);
    }
}
