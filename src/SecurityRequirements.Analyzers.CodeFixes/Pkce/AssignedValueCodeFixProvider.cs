using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Pkce;

/// <summary>
/// Fixes SRA2001, SRA2002 and SRA2003 on a property assignment by writing the value the analyzer prescribes
/// (<c>UsePkce = true</c>, <c>RequirePkce = true</c>, <c>ResponseType = "code"</c>, <c>AllowPlainTextPkce = false</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AssignedValueCodeFixProvider)), Shared]
public sealed class AssignedValueCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PkceDisabled, DiagnosticIds.NonCodeResponseType, DiagnosticIds.PlainCodeChallenge);

    public override FixAllProvider GetFixAllProvider() => OfferedKeyFixAllProvider.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(OAuthSymbols.ReplacementProperty, out var replacement) || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                continue;
            }

            var title = "Set " + PropertyName(assignment.Left) + " = " + replacement;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, assignment, replacement, ct), diagnostic.Id + ":" + replacement),
                diagnostic);
        }
    }

    private static string PropertyName(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => target.ToString(),
    };

    private static async Task<Document> ReplaceAsync(Document document, AssignmentExpressionSyntax assignment, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var value = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(assignment.Right);
        return document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, value));
    }
}
