using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>Where a local or parameter is named inside a scope, found by name first and confirmed by the semantic model.</summary>
internal static class SymbolReferences
{
    public static List<IdentifierNameSyntax> In(SemanticModel model, SyntaxNode scope, ISymbol symbol, CancellationToken cancellationToken) =>
        scope.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, symbol))
            .ToList();

    /// <summary>The body a local or parameter lives in: the enclosing method, accessor, local function or lambda body.</summary>
    public static SyntaxNode? Body(SyntaxNode node) =>
        node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);

    /// <summary>The expression with parentheses and casts peeled off.</summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }
}
