using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// SRA1006: refills the nonce buffer with <c>RandomNumberGenerator.Fill</c> right before the encryption, so each message
/// gets a fresh random nonce and the code that already stores the nonce with the ciphertext stores the new one.
/// </summary>
/// <remarks>
/// A random nonce that is not kept makes the ciphertext undecryptable, so the fix is offered only when the nonce is a
/// local byte array or span of the method that the code reads after the encryption (returns, copies, writes out) and
/// not before it: that read is where the nonce travels with the ciphertext. A shared field, a literal, or a local read
/// only by the encryption get no fix; the message says to generate the nonce per message and store it with the
/// ciphertext, as <c>AesGcmEncryption.Encrypt</c> does.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedNonceCodeFixProvider)), Shared]
public sealed class FixedNonceCodeFixProvider : CodeFixProvider
{
    private const string Title = "Refill the nonce from RandomNumberGenerator before each encryption";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FixedNonce);

    public override FixAllProvider GetFixAllProvider() => OfferedKeyFixAllProvider.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var argument = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression;
            if (argument is IdentifierNameSyntax nonce
                && nonce.FirstAncestorOrSelf<StatementSyntax>() is { Parent: BlockSyntax } statement
                && NonceTravels(model, nonce, statement, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, nonce, statement, ct), equivalenceKey: DiagnosticIds.FixedNonce),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The nonce is a writable local buffer of the method, read after the encryption (so the refilled value is what the
    /// code keeps), not before it, and within the loop when the encryption runs in one.
    /// </summary>
    private static bool NonceTravels(SemanticModel model, IdentifierNameSyntax nonce, StatementSyntax statement, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(nonce, cancellationToken).Symbol is not ILocalSymbol local
            || local.Type is not (IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } or INamedTypeSymbol { Name: "Span", TypeArguments.Length: 1 })
            || SymbolReferences.Body(statement) is not { } body)
        {
            return false;
        }

        var loop = statement.Ancestors().TakeWhile(a => a != body).FirstOrDefault(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
        var kept = false;
        foreach (var use in SymbolReferences.In(model, body, local, cancellationToken))
        {
            if (statement.Span.Contains(use.Span) || IsLengthRead(use) || IsRandomFill(model, use, cancellationToken))
            {
                continue;
            }

            if (IsEncryptNonce(model, use, cancellationToken))
            {
                if (use.SpanStart < statement.SpanStart && (loop is null || !loop.Span.Contains(use.Span)))
                {
                    return false; // an earlier message used this nonce, and only one value can be kept for both
                }

                continue;
            }

            if (use.SpanStart < statement.SpanStart || (loop is not null && !loop.Span.Contains(use.Span)))
            {
                return false; // read before the refill, or outside the loop that refills it: it would hold another nonce
            }

            kept = true;
        }

        return kept;
    }

    /// <summary><c>RandomNumberGenerator.Fill(nonce)</c>: a write, not a read.</summary>
    private static bool IsRandomFill(SemanticModel model, IdentifierNameSyntax use, CancellationToken cancellationToken) =>
        use.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Fill" or "GetBytes" or "GetNonZeroBytes", ContainingType.Name: "RandomNumberGenerator" };

    private static bool IsLengthRead(IdentifierNameSyntax use) =>
        use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } access && access.Expression == use;

    /// <summary>The nonce argument of another AEAD encryption (which this fix or its Fix All refills too).</summary>
    private static bool IsEncryptNonce(SemanticModel model, IdentifierNameSyntax use, CancellationToken cancellationToken) =>
        use.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument
        && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Encrypt" } method
        && method.ContainingType?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography"
        && DetermineParameter(method, invocation.ArgumentList, argument)?.Name == "nonce";

    private static IParameterSymbol? DetermineParameter(IMethodSymbol method, ArgumentListSyntax list, ArgumentSyntax argument)
    {
        if (argument.NameColon is { } name)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText);
        }

        var index = list.Arguments.IndexOf(argument);
        return index >= 0 && index < method.Parameters.Length ? method.Parameters[index] : null;
    }

    private static async Task<Document> FixAsync(Document document, IdentifierNameSyntax nonce, StatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var rng = CryptoNames.TypeName(model, statement.SpanStart, "RandomNumberGenerator");
        var (inserted, newStatement) = StatementInsertion.Place(SyntaxFactory.ParseStatement(rng + ".Fill(" + nonce.Identifier.Text + ");"), statement);
        var block = (BlockSyntax)statement.Parent!;
        var index = block.Statements.IndexOf(statement);
        var statements = block.Statements.RemoveAt(index).InsertRange(index, new[] { inserted, newStatement });
        return document.WithSyntaxRoot(root!.ReplaceNode(block, block.WithStatements(statements)));
    }
}
