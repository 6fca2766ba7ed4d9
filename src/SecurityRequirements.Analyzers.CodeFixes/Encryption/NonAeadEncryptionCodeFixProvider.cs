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
using SecurityRequirements.Analyzers.CodeFixes.Internal;
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

    public override FixAllProvider GetFixAllProvider() => new SolutionBatchFixAllProvider(Title, DiagnosticIds.NonAeadCipherMode, FixDocumentsAsync);

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

    private static async Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        // Per project: the namespace of the helper once it exists (found, or added to the first fixed file).
        var helperNamespaces = new Dictionary<ProjectId, string>();
        foreach (var (documentId, diagnostics) in work.OrderBy(w => solution.GetDocument(w.Id)?.FilePath ?? string.Empty, System.StringComparer.Ordinal))
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax || model is null)
            {
                continue;
            }

            var plans = new List<AesGcmRewrite.Plan>();
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && AesGcmRewrite.TryPlan(model, invocation, cancellationToken, out var plan))
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

            var editor = new SyntaxEditor(root, solution.Workspace.Services);
            foreach (var plan in plans)
            {
                AesGcmRewrite.Apply(editor, plan, AesGcmHelper.Helper.NameAt(model, plan.Replaced.SpanStart, helperNamespace));
            }

            var newRoot = (CompilationUnitSyntax)editor.GetChangedRoot();
            if (addHelper)
            {
                newRoot = AesGcmHelper.Helper.AddTo(newRoot);
            }

            solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
        }

        return solution;
    }
}
