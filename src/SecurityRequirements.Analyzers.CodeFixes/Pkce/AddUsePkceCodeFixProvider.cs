using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Pkce;

/// <summary>
/// Fixes SRA2001 on <c>AddOAuth(scheme, o => ...)</c> by adding <c>o.UsePkce = true;</c> to the configuration lambda
/// (an expression body becomes a block).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUsePkceCodeFixProvider)), Shared]
public sealed class AddUsePkceCodeFixProvider : CodeFixProvider
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
            if (!diagnostic.Properties.ContainsKey(PkceDisabledAnalyzer.AddUsePkceProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                || invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().FirstOrDefault() is not { } lambda
                || ParameterName(lambda) is not { } parameter)
            {
                continue;
            }

            var statement = SyntaxFactory.ParseStatement(parameter + ".UsePkce = true;");
            LambdaExpressionSyntax fixedLambda;
            if (lambda.Block is { } block)
            {
                fixedLambda = lambda.WithBlock(block.AddStatements(statement).WithAdditionalAnnotations(Formatter.Annotation));
            }
            else if (lambda.ExpressionBody is { } body)
            {
                var newBlock = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(body.WithoutTrivia()), statement)
                    .WithTrailingTrivia(body.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                fixedLambda = lambda.WithExpressionBody(null).WithBlock(newBlock);
            }
            else
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set UsePkce = true",
                    async ct =>
                    {
                        var current = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                        return current is null ? context.Document : context.Document.WithSyntaxRoot(current.ReplaceNode(lambda, fixedLambda));
                    },
                    DiagnosticIds.PkceDisabled + ":AddUsePkce"),
                diagnostic);
        }
    }

    private static string? ParameterName(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.Text,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.Text,
        _ => null,
    };
}
