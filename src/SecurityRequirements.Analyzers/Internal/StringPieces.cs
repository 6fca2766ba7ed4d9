using System;
using System.Collections.Generic;
using System.Text;
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

    /// <summary>The most statements of a block, or members of a type, searched for a name's declaration.</summary>
    internal const int MaxSearchedDeclarations = 512;

    /// <summary>What a list of declarations says about a name: nothing, a variable, a constant, or too long to search.</summary>
    private enum Declaration
    {
        None,
        Variable,
        Constant,
        Unknown,
    }

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

    /// <summary>
    /// Whether the literal and interpolated text of the <c>+</c> chain under <paramref name="root"/> contains
    /// <paramref name="needle"/> or <paramref name="otherNeedle"/>, by syntax alone (walked without recursion). A part
    /// that is neither text nor a call may be a named constant, which only binding can read.
    /// </summary>
    public static TextMention Mentions(ExpressionSyntax root, string needle, string? otherNeedle)
    {
        var throughConstants = false;

        // Most roots are one interpolated string: the stack is made only for a chain or a hole.
        Stack<ExpressionSyntax>? pending = null;
        for (ExpressionSyntax? current = root; current is not null; current = pending is { Count: > 0 } ? pending.Pop() : null)
        {
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            switch (current)
            {
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                    pending ??= new Stack<ExpressionSyntax>();
                    pending.Push(add.Right);
                    pending.Push(add.Left);
                    break;
                case LiteralExpressionSyntax literal:
                    if (literal.IsKind(SyntaxKind.StringLiteralExpression) && Contains(literal.Token.ValueText, needle, otherNeedle))
                    {
                        return TextMention.Yes;
                    }

                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            if (Contains(text.TextToken.ValueText, needle, otherNeedle))
                            {
                                return TextMention.Yes;
                            }
                        }
                        else if (content is InterpolationSyntax interpolation)
                        {
                            (pending ??= new Stack<ExpressionSyntax>()).Push(interpolation.Expression);
                        }
                    }

                    break;
                default:
                    throughConstants |= MayBeConstant(current);
                    break;
            }
        }

        return throughConstants ? TextMention.OnlyThroughConstants : TextMention.No;
    }

    /// <summary>
    /// False when the expression can never be a constant, by its syntax alone: a call (other than <c>nameof</c>), an
    /// element access, an object creation, <c>this</c>, <c>await</c>, a conditional access, an assignment, or a simple
    /// name that <see cref="NamesVariable"/> shows to be a variable. Reading a constant otherwise binds the whole member.
    /// </summary>
    public static bool MayBeConstant(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" },
            ElementAccessExpressionSyntax or BaseObjectCreationExpressionSyntax or ThisExpressionSyntax or AwaitExpressionSyntax
                or ConditionalAccessExpressionSyntax or AssignmentExpressionSyntax => false,
            IdentifierNameSyntax name => !NamesVariable(name),
            _ => true,
        };
    }

    /// <summary>True when every leaf of the <c>+</c> chain under <paramref name="expression"/> is a string literal: a constant, known without binding.</summary>
    public static bool IsLiteralChain(ExpressionSyntax expression) =>
        VisitLeaves(expression, 0, static (leaf, _) => leaf.IsKind(SyntaxKind.StringLiteralExpression));

    /// <summary>The text of a <c>+</c> chain made of string literals only, or null when any piece is something else.</summary>
    public static string? LiteralText(ExpressionSyntax expression)
    {
        var builder = new StringBuilder();
        return VisitLeaves(expression, builder, static (leaf, text) =>
            {
                if (leaf is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    text.Append(literal.Token.ValueText);
                    return true;
                }

                return false;
            })
            ? builder.ToString()
            : null;
    }

    /// <summary>
    /// True when <paramref name="name"/> is, by its syntax alone, a variable and so no constant: the innermost declaration
    /// of that name, searched outwards from the use, is a parameter, a local that is not <c>const</c>, or (in the
    /// enclosing type declaration) a field that is not <c>const</c>, a property or a method. A local is in scope in its
    /// whole block, so no member can stand behind its name there. False whenever the syntax does not say (a pattern
    /// variable, a member of another part or of a base type): binding decides those.
    /// </summary>
    internal static bool NamesVariable(IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        for (var node = name.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block:
                    if (DeclaresLocal(block.Statements, text) is var inBlock && inBlock != Declaration.None)
                    {
                        return inBlock == Declaration.Variable;
                    }

                    break;
                case SwitchSectionSyntax section when section.Parent is SwitchStatementSyntax switchStatement:
                    if (switchStatement.Sections.Count > MaxSearchedDeclarations)
                    {
                        return false;
                    }

                    // A local declared in one section is in scope in every section of the switch.
                    foreach (var other in switchStatement.Sections)
                    {
                        if (DeclaresLocal(other.Statements, text) is var inSection && inSection != Declaration.None)
                        {
                            return inSection == Declaration.Variable;
                        }
                    }

                    break;
                case ForStatementSyntax forStatement when forStatement.Declaration is { } declaration && Declares(declaration, text):
                case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == text:
                case UsingStatementSyntax usingStatement when usingStatement.Declaration is { } usingDeclaration && Declares(usingDeclaration, text):
                case FixedStatementSyntax fixedStatement when Declares(fixedStatement.Declaration, text):
                case CatchClauseSyntax catchClause when catchClause.Declaration?.Identifier.ValueText == text:
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == text:
                case ParenthesizedLambdaExpressionSyntax lambda when HasParameter(lambda.ParameterList, text):
                case AnonymousMethodExpressionSyntax anonymous when HasParameter(anonymous.ParameterList, text):
                case LocalFunctionStatementSyntax localFunction when HasParameter(localFunction.ParameterList, text):
                case BaseMethodDeclarationSyntax method when HasParameter(method.ParameterList, text):
                case IndexerDeclarationSyntax indexer when HasParameter(indexer.ParameterList, text):
                    return true;
                case TypeDeclarationSyntax type:
                    return DeclaresVariableMember(type, text);
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="statements"/> declare a local named <paramref name="name"/>, and if so whether it is <c>const</c>.</summary>
    private static Declaration DeclaresLocal(SyntaxList<StatementSyntax> statements, string name)
    {
        // Each use searches its blocks: in a very long block (generated code) that would cost more than binding the
        // member once, which the semantic model caches.
        if (statements.Count > MaxSearchedDeclarations)
        {
            return Declaration.Unknown;
        }

        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax local && Declares(local.Declaration, name))
            {
                return local.IsConst ? Declaration.Constant : Declaration.Variable;
            }
        }

        return Declaration.None;
    }

    private static bool Declares(VariableDeclarationSyntax declaration, string name)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasParameter(BaseParameterListSyntax? parameters, string name)
    {
        if (parameters is not null)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when this part of the type declares a member of that name that holds no constant (a field that is not
    /// <c>const</c>, a property, a method), or, with no member of that name, a primary-constructor parameter.
    /// </summary>
    private static bool DeclaresVariableMember(TypeDeclarationSyntax type, string name)
    {
        if (type.Members.Count > MaxSearchedDeclarations)
        {
            return false;
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when Declares(field.Declaration, name):
                    return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                case MethodDeclarationSyntax method when method.Identifier.ValueText == name:
                    return true;
            }
        }

        return HasParameter(type.ParameterList, name);
    }

    private static bool Contains(string text, string needle, string? otherNeedle) =>
        text.IndexOf(needle, StringComparison.Ordinal) >= 0 || (otherNeedle is not null && text.IndexOf(otherNeedle, StringComparison.Ordinal) >= 0);

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

    /// <summary>True when a leaf of the <c>+</c> chain under <paramref name="expression"/> is a piece.</summary>
    private static bool HasPieceLeaf(ExpressionSyntax expression) =>
        !VisitLeaves(expression, 0, static (leaf, _) => !leaf.IsKind(SyntaxKind.StringLiteralExpression) && !leaf.IsKind(SyntaxKind.InterpolatedStringExpression));

    /// <summary>
    /// Visits the leaves of the <c>+</c> chain under <paramref name="expression"/> left to right (through parentheses,
    /// without recursion: chains can be long) until <paramref name="visit"/> returns false; true when it never did.
    /// </summary>
    private static bool VisitLeaves<TState>(ExpressionSyntax expression, TState state, Func<ExpressionSyntax, TState, bool> visit)
    {
        Stack<ExpressionSyntax>? pending = null;
        for (ExpressionSyntax? current = expression; current is not null; current = pending is { Count: > 0 } ? pending.Pop() : null)
        {
            while (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
            }

            if (current is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
            {
                pending ??= new Stack<ExpressionSyntax>();
                pending.Push(add.Right);
                pending.Push(add.Left);
            }
            else if (!visit(current, state))
            {
                return false;
            }
        }

        return true;
    }
}
