using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>SRA1002: passes <c>AesGcm.TagByteSizes.MaxSize</c> (16 bytes) as the tag size.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AesGcmTagSizeCodeFixProvider)), Shared]
public sealed class AesGcmTagSizeCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use a 16-byte tag (AesGcm.TagByteSizes.MaxSize)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AesGcmTagTooShort);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: 1 or 2 } } creation)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, creation, ct), equivalenceKey: DiagnosticIds.AesGcmTagTooShort),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var tagSize = SyntaxFactory.ParseExpression(CryptoNames.TypeName(model, creation.SpanStart, "AesGcm") + ".TagByteSizes.MaxSize");
        var arguments = creation.ArgumentList!.Arguments;
        var newArguments = arguments.Count == 1
            ? arguments.Add(SyntaxFactory.Argument(tagSize))
            : arguments.Replace(arguments[1], arguments[1].WithExpression(tagSize.WithTriviaFrom(arguments[1].Expression)));
        var newCreation = creation.WithArgumentList(creation.ArgumentList.WithArguments(newArguments));
        return document.WithSyntaxRoot(root!.ReplaceNode(creation, newCreation));
    }
}
