using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    private static Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        AesGcmSolutionFix.FixAsync<AesGcmRewrite.Plan>(
            solution,
            work,
            static (SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken ct, out AesGcmRewrite.Plan plan) =>
            {
                plan = default;
                return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && AesGcmRewrite.TryPlan(model, invocation, ct, out plan);
            },
            static (edits, plan, helperNameAt) => AesGcmRewrite.Apply(edits, plan, helperNameAt(plan.Replaced.SpanStart)),
            cancellationToken);
}
