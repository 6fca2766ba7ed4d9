using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// SRA1006: gives the encryption a fresh random nonce. A writable local or parameter buffer is refilled with
/// <c>RandomNumberGenerator.Fill</c> right before the call, so code that stores the nonce keeps working; anything else
/// (a shared field, a literal) is replaced by a new local from <c>RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedNonceCodeFixProvider)), Shared]
public sealed class FixedNonceCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use a fresh random nonce from RandomNumberGenerator";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FixedNonce);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
            {
                continue;
            }

            var argument = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression;
            if (argument is null || argument.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax } statement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, argument, statement, ct), equivalenceKey: DiagnosticIds.FixedNonce),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax argument, StatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var symbol = model.GetSymbolInfo(argument, cancellationToken).Symbol;
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol { RefKind: RefKind.None or RefKind.Ref } parameter => parameter.Type,
            _ => null,
        };

        StatementSyntax inserted;
        var newStatement = statement;
        var rng = CryptoNames.TypeName(model, statement.SpanStart, "RandomNumberGenerator");
        if (type is IArrayTypeSymbol or INamedTypeSymbol { Name: "Span" })
        {
            inserted = SyntaxFactory.ParseStatement(rng + ".Fill(" + argument.WithoutTrivia() + ");");
        }
        else
        {
            var name = StatementInsertion.UniqueName(model, statement.SpanStart, "nonce");
            var aesGcm = CryptoNames.TypeName(model, statement.SpanStart, "AesGcm");
            inserted = SyntaxFactory.ParseStatement("var " + name + " = " + rng + ".GetBytes(" + aesGcm + ".NonceByteSizes.MaxSize);");
            newStatement = statement.ReplaceNode(argument, SyntaxFactory.IdentifierName(name).WithTriviaFrom(argument));
        }

        (inserted, newStatement) = StatementInsertion.Place(inserted, newStatement);
        var block = (BlockSyntax)statement.Parent!;
        var index = block.Statements.IndexOf(statement);
        var statements = block.Statements.RemoveAt(index).InsertRange(index, new[] { inserted, newStatement });
        return document.WithSyntaxRoot(root!.ReplaceNode(block, block.WithStatements(statements)));
    }
}
