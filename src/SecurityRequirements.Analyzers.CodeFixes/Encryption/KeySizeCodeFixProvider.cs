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

/// <summary>SRA1004: raises a constant <c>KeySize</c> to the control's minimum (passed in the MinKeyBits property).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeySizeCodeFixProvider)), Shared]
public sealed class KeySizeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.KeyTooShort);

    public override FixAllProvider GetFixAllProvider() => OfferedKeyFixAllProvider.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only the "KeySize = n" form has one obvious repair; a short key array needs a new key.
            if (!diagnostic.Properties.TryGetValue("MinKeyBits", out var bitsText)
                || !int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || !IsKeySize(assignment.Left))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set KeySize to " + bitsText,
                    ct => FixAsync(context.Document, assignment, bits, ct),
                    equivalenceKey: DiagnosticIds.KeyTooShort + ":" + bitsText),
                diagnostic);
        }
    }

    private static bool IsKeySize(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "KeySize",
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "KeySize",
        _ => false,
    };

    private static async Task<Document> FixAsync(Document document, AssignmentExpressionSyntax assignment, int bits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(bits)).WithTriviaFrom(assignment.Right);
        return document.WithSyntaxRoot(root!.ReplaceNode(assignment.Right, value));
    }
}
