using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>The code actions our code fixes offer for one diagnostic: asked of the fixers themselves, so "fixable" means a fix really applies to this shape.</summary>
internal static class FixActions
{
    /// <param name="document">The document the diagnostic is in.</param>
    /// <param name="diagnostic">The diagnostic to fix.</param>
    /// <param name="failures">Receives a line for each fixer that threw (a bug of ours: the fix is then not offered).</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public static async Task<ImmutableArray<CodeAction>> ForAsync(Document document, Diagnostic diagnostic, ICollection<string> failures, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        foreach (var fixer in SraComponents.Instance.FixersFor(diagnostic.Id))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => Flatten(action, actions), cancellationToken);
            try
            {
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{fixer.GetType().Name} threw {e.GetType().Name}: {e.Message} (a bug of the code fix: it is not offered)");
            }
        }

        return [.. actions];
    }

    private static void Flatten(CodeAction action, List<CodeAction> into)
    {
        if (action.NestedActions.IsDefaultOrEmpty)
        {
            into.Add(action);
            return;
        }

        foreach (var nested in action.NestedActions)
        {
            Flatten(nested, into);
        }
    }
}
