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
/// SRA1001: replaces a local DES/TripleDES/RC2/Rijndael instance and its one encryption with
/// <c>AesGcmEncryption.Encrypt(key, plaintext)</c>, adding the AES-256-GCM helper once per project.
/// </summary>
/// <remarks>
/// Offered only when the instance is a local whose uses are one encryption in a shape <see cref="AesGcmRewrite"/> knows
/// and settings (Key, IV, Mode, Padding, sizes) or Dispose/Clear statements, and the key is one the code supplies: the
/// <c>CreateEncryptor(key, iv)</c> argument or the value assigned to <c>Key</c>, not a literal. The legacy key is the
/// wrong size for AES-256, so the helper throws until a new 256-bit key is provisioned; decryption is never rewritten,
/// because old data still has to be read.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyCipherCodeFixProvider)), Shared]
public sealed class LegacyCipherCodeFixProvider : CodeFixProvider
{
    private const string FixAllTitle = "Replace legacy ciphers with AES-256-GCM (AesGcmEncryption helper; needs 32-byte keys)";

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
            if (LegacyCipherRewrite.TryPlan(model, root, diagnostic, context.CancellationToken, out var plan))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Replace " + plan.Algorithm + " with AES-256-GCM (AesGcmEncryption helper; needs a 32-byte key)",
                        ct => FixDocumentsAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, ct),
                        equivalenceKey: DiagnosticIds.WeakSymmetricAlgorithm),
                    diagnostic);
            }
        }
    }

    private static Task<Solution> FixDocumentsAsync(Solution solution, IReadOnlyList<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        AesGcmSolutionFix.FixAsync<LegacyCipherRewrite.Plan>(
            solution,
            work,
            LegacyCipherRewrite.TryPlan,
            static (edits, plan, helperNameAt) => LegacyCipherRewrite.Apply(edits, plan, helperNameAt(plan.Encryption.Replaced.SpanStart)),
            cancellationToken);
}
