using System.Collections.Immutable;
using System.Composition;
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
/// Fixes SRA2001 on an OpenIddict server by appending <c>.RequireProofKeyForCodeExchange()</c> to the
/// <c>AllowAuthorizationCodeFlow()</c> call, which returns the same server builder.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireProofKeyCodeFixProvider)), Shared]
public sealed class RequireProofKeyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PkceDisabled);

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
            if (!diagnostic.Properties.ContainsKey(PkceDisabledAnalyzer.AppendRequirePkceProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var appended = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        invocation.WithoutTrailingTrivia(),
                        SyntaxFactory.IdentifierName("RequireProofKeyForCodeExchange")))
                .WithTrailingTrivia(invocation.GetTrailingTrivia());
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call RequireProofKeyForCodeExchange()",
                    async ct =>
                    {
                        var current = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                        return current is null ? context.Document : context.Document.WithSyntaxRoot(current.ReplaceNode(invocation, appended));
                    },
                    DiagnosticIds.PkceDisabled + ":RequireProofKeyForCodeExchange"),
                diagnostic);
        }
    }
}
