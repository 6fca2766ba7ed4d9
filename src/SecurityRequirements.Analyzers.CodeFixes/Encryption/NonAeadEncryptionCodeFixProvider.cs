using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// SRA1003: replaces an unauthenticated encryption with <c>AesGcmEncryption.Encrypt(key, plaintext)</c> and adds the
/// AES-256-GCM helper file once per project. The output format changes to nonce || ciphertext || tag, so the matching
/// decryption must move to <c>AesGcmEncryption.Decrypt</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonAeadEncryptionCodeFixProvider)), Shared]
public sealed class NonAeadEncryptionCodeFixProvider : CodeFixProvider
{
    private const string Title = "Encrypt with AES-256-GCM (AesGcmEncryption helper)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonAeadCipherMode);

    public override FixAllProvider GetFixAllProvider() => new HelperFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !AesGcmHelper.CanUse(model.Compilation))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                && AesGcmRewrite.TryPlan(model, invocation, context.CancellationToken, out _))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixDocumentsAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct), equivalenceKey: DiagnosticIds.NonAeadCipherMode),
                    diagnostic);
            }
        }
    }

    private static async Task<Solution> FixDocumentsAsync(Solution solution, IEnumerable<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var projects = new HashSet<ProjectId>();
        foreach (var (documentId, diagnostics) in work)
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var editor = new SyntaxEditor(root, solution.Workspace.Services);
            var changed = false;
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && AesGcmRewrite.TryPlan(model, invocation, cancellationToken, out var plan))
                {
                    AesGcmRewrite.Apply(editor, plan);
                    changed = true;
                }
            }

            if (changed)
            {
                solution = solution.WithDocumentSyntaxRoot(documentId, editor.GetChangedRoot());
                projects.Add(documentId.ProjectId);
            }
        }

        // After every document: the helper is added once per project however many sites were fixed.
        foreach (var projectId in projects.OrderBy(p => p.Id))
        {
            solution = await AesGcmHelper.EnsureAsync(solution, projectId, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>Fix All that edits every document in scope and then adds the shared helper once per project.</summary>
    private sealed class HelperFixAllProvider : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAllAsync(fixAllContext, ct), equivalenceKey: DiagnosticIds.NonAeadCipherMode));

        private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
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

            return await FixDocumentsAsync(context.Solution, work, cancellationToken).ConfigureAwait(false);
        }
    }
}
