using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>
/// The batch Fix All, for callers that start it without an equivalence key. <c>dotnet format analyzers</c> asks the
/// fixer about the first diagnostic it found and passes that action's key, or null when the fixer offered nothing there;
/// the batch fixer then matches no action at all, and a fixer that is narrow on purpose (no fix where the code could not
/// keep working) would fix nothing in the project. Without a key, this one takes the key of the first action offered.
/// </summary>
internal sealed class OfferedKeyFixAllProvider : FixAllProvider
{
    public static readonly OfferedKeyFixAllProvider BatchFixer = new(WellKnownFixAllProviders.BatchFixer);

    private readonly FixAllProvider _inner;

    private OfferedKeyFixAllProvider(FixAllProvider inner)
    {
        _inner = inner;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not null)
        {
            return await _inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        var key = await FirstOfferedKeyAsync(fixAllContext).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        var keyed = fixAllContext.Document is { } document
            ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, new Forwarding(fixAllContext), fixAllContext.CancellationToken)
            : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, new Forwarding(fixAllContext), fixAllContext.CancellationToken);
        return await _inner.GetFixAsync(keyed).ConfigureAwait(false);
    }

    private static async Task<string?> FirstOfferedKeyAsync(FixAllContext context)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents.ToArray(),
            _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
        };

        foreach (var document in documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                string? key = null;
                var offered = false;
                var codeFixContext = new CodeFixContext(document, diagnostic, (action, _) =>
                {
                    if (!offered)
                    {
                        offered = true;
                        key = action.EquivalenceKey;
                    }
                }, context.CancellationToken);
                await context.CodeFixProvider.RegisterCodeFixesAsync(codeFixContext).ConfigureAwait(false);
                if (offered && key is not null)
                {
                    return key;
                }
            }
        }

        return null;
    }

    /// <summary>The original context's diagnostics, for the context rebuilt with a key.</summary>
    private sealed class Forwarding : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public Forwarding(FixAllContext context)
        {
            _context = context;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Cast(_context.GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_context.GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_context.GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> Cast(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics) =>
            await diagnostics.ConfigureAwait(false);
    }
}
