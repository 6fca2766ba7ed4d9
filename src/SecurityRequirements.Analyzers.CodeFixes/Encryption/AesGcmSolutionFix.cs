using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecurityRequirements.Analyzers.CodeFixes.Internal;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// The document loop the fixes that call <see cref="AesGcmHelper"/> share (single fix and Fix All alike): plans each
/// diagnostic, rewrites the sites, and adds the helper once per project, to the first fixed file in path order,
/// unless the project already has one.
/// </summary>
internal static class AesGcmSolutionFix
{
    public delegate bool TryPlan<TPlan>(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken, out TPlan plan);

    /// <summary>Rewrites one planned site; the function gives the helper's name as spelled at a position.</summary>
    public delegate void Apply<TPlan>(DocumentEdits edits, TPlan plan, Func<int, string> helperNameAt);

    public static async Task<Solution> FixAsync<TPlan>(
        Solution solution,
        IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work,
        TryPlan<TPlan> tryPlan,
        Apply<TPlan> apply,
        CancellationToken cancellationToken)
    {
        // Per project: the namespace of the helper once it exists (found, or added to the first fixed file).
        var helperNamespaces = new Dictionary<ProjectId, string>();
        foreach (var (documentId, diagnostics) in work.OrderBy(w => solution.GetDocument(w.Id)?.FilePath ?? string.Empty, StringComparer.Ordinal))
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax || model is null)
            {
                continue;
            }

            // One site can carry a diagnostic per applicable control; it is rewritten once.
            var plans = new List<TPlan>();
            foreach (var diagnostic in diagnostics.GroupBy(d => d.Location.SourceSpan).Select(g => g.First()).OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (tryPlan(model, root, diagnostic, cancellationToken, out var plan))
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                continue;
            }

            var projectId = documentId.ProjectId;
            var addHelper = false;
            if (!helperNamespaces.TryGetValue(projectId, out var helperNamespace))
            {
                var existing = AesGcmHelper.Helper.FindExisting(model.Compilation);
                addHelper = existing is null;
                helperNamespace = existing ?? ProjectHelperClass.NamespaceFor((CompilationUnitSyntax)root);
                helperNamespaces[projectId] = helperNamespace;
            }

            var edits = new DocumentEdits(new SyntaxEditor(root, solution.Workspace.Services));
            foreach (var plan in plans)
            {
                apply(edits, plan, position => AesGcmHelper.Helper.NameAt(model, position, helperNamespace));
            }

            edits.Complete();
            var newRoot = (CompilationUnitSyntax)edits.Editor.GetChangedRoot();
            if (addHelper)
            {
                newRoot = AesGcmHelper.Helper.AddTo(newRoot);
            }

            solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
        }

        return solution;
    }
}
