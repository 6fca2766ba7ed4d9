using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>
/// Finds the string expressions a string check reads, starting from their pieces (string literals and interpolated
/// strings). Checks listen to these two syntax kinds rather than to every literal and binary operation: in numeric
/// code (tables of constants, arithmetic) those callbacks outnumber strings a hundred to one.
/// </summary>
/// <remarks>
/// A concatenation is read once, from its first piece: the other pieces return null from <see cref="ChainRoot"/>.
/// </remarks>
internal static class StringPieces
{
    public static readonly SyntaxKind[] Kinds = { SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringExpression };

    /// <summary>True when the piece stands in a hole of an interpolated string, which reads it with the whole.</summary>
    public static bool IsInInterpolationHole(SyntaxNode piece) => ParentSkippingParentheses(piece, out _) is InterpolationSyntax;

    /// <summary>
    /// The outermost <c>+</c> chain the piece belongs to, as far as <paramref name="extend"/> allows each step up (the
    /// piece itself when it is not in one), or null when an earlier piece of that chain stands for it.
    /// </summary>
    public static ExpressionSyntax? ChainRoot<TState>(ExpressionSyntax piece, Func<BinaryExpressionSyntax, TState, bool> extend, TState state)
    {
        var current = piece;
        while (ParentSkippingParentheses(current, out var child) is BinaryExpressionSyntax add
            && add.IsKind(SyntaxKind.AddExpression)
            && extend(add, state))
        {
            if (add.Right == child && HasPieceLeaf(add.Left))
            {
                return null;
            }

            current = add;
        }

        return current;
    }

    /// <summary>True when the parent (through parentheses) is a <c>+</c>: the piece is part of a longer expression.</summary>
    public static bool IsInConcatenation(SyntaxNode piece) => ParentSkippingParentheses(piece, out _) is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression);

    private static SyntaxNode? ParentSkippingParentheses(SyntaxNode node, out SyntaxNode child)
    {
        child = node;
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>True when a leaf of the <c>+</c> chain under <paramref name="expression"/> is a piece (walked without recursion: chains can be long).</summary>
    private static bool HasPieceLeaf(ExpressionSyntax expression)
    {
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            if (current is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
            {
                pending.Push(add.Right);
                pending.Push(add.Left);
            }
            else if (current.IsKind(SyntaxKind.StringLiteralExpression) || current.IsKind(SyntaxKind.InterpolatedStringExpression))
            {
                return true;
            }
        }

        return false;
    }
}
