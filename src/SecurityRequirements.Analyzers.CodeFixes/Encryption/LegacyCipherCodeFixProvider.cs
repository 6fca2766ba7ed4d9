using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// SRA1001: replaces a local Rijndael instance and its one encryption with <c>AesGcmEncryption.Encrypt(key, plaintext)</c>,
/// adding the AES-256-GCM helper once per project.
/// </summary>
/// <remarks>
/// Offered only when the instance is a Rijndael local whose uses are one encryption in a shape <see cref="AesGcmRewrite"/>
/// knows and settings (Key, IV, Mode, Padding, sizes) or Dispose/Clear statements, the key is one the code supplies (the
/// <c>CreateEncryptor(key, iv)</c> argument or the value assigned to <c>Key</c>, not a literal) and not seen to be other
/// than 32 bytes, and the project has no SymmetricAlgorithm decryption that would have to read the new output
/// (<see cref="CipherInstanceRewrite"/>). DES, TripleDES and RC2 get no fix: their keys (8, 16 or 24 bytes) cannot be
/// AES-256 keys, so the helper would throw on every call; the message and the brief say to provision a 32-byte key.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyCipherCodeFixProvider)), Shared]
public sealed class LegacyCipherCodeFixProvider : CodeFixProvider
{
    private const string FixAllTitle = "Replace Rijndael with AES-256-GCM (AesGcmEncryption helper)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WeakSymmetricAlgorithm);

    public override FixAllProvider GetFixAllProvider() => new SolutionBatchFixAllProvider(FixAllTitle, DiagnosticIds.WeakSymmetricAlgorithm, FixDocumentsAsync);

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
            if (CipherInstanceRewrite.TryPlanLegacy(model, root, diagnostic, context.CancellationToken, out var plan))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Replace " + plan.Algorithm + " with AES-256-GCM (AesGcmEncryption helper)",
                        ct => FixDocumentsAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct),
                        equivalenceKey: DiagnosticIds.WeakSymmetricAlgorithm),
                    diagnostic);
            }
        }
    }

    private static Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        AesGcmSolutionFix.FixAsync<CipherInstanceRewrite.Plan>(
            solution,
            work,
            CipherInstanceRewrite.TryPlanLegacy,
            static (edits, plan, helperNameAt) => CipherInstanceRewrite.Apply(edits, plan, helperNameAt(plan.Encryption.Replaced.SpanStart)),
            cancellationToken);
}
