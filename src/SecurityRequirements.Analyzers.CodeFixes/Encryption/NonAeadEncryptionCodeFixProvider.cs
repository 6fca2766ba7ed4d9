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
/// AES-256-GCM helper once per project. A local AES instance that only served this encryption goes with its settings;
/// one that lives on gives its key (<c>aes.Key</c>). The output becomes nonce || ciphertext || tag, which
/// <c>AesGcmEncryption.Decrypt</c> reads.
/// </summary>
/// <remarks>
/// Not offered when the key can be seen not to be 32 bytes, when it would be lost, or when the project decrypts with a
/// SymmetricAlgorithm, which would no longer read what the fixed code writes (<see cref="CipherInstanceRewrite"/>).
/// </remarks>
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
                && CipherInstanceRewrite.TryPlanEncryption(model, invocation, context.CancellationToken, out _))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixDocumentsAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct), equivalenceKey: DiagnosticIds.NonAeadCipherMode),
                    diagnostic);
            }
        }
    }

    private static Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        AesGcmSolutionFix.FixAsync<CipherInstanceRewrite.Plan>(
            solution,
            work,
            static (SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken ct, out CipherInstanceRewrite.Plan plan) =>
            {
                plan = default;
                return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && CipherInstanceRewrite.TryPlanEncryption(model, invocation, ct, out plan);
            },
            static (edits, plan, helperNameAt) => CipherInstanceRewrite.Apply(edits, plan, helperNameAt(plan.Encryption.Replaced.SpanStart)),
            cancellationToken);
}
