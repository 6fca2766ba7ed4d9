using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Reads hand-built OAuth requests: the constant text of a string literal, interpolation or concatenation
/// (holes become <see cref="Hole"/>), and the parameters of query strings and form dictionaries.
/// </summary>
internal static class OAuthRequestText
{
    /// <summary>Stands for a value computed at run time.</summary>
    public const char Hole = '\u0001';

    /// <summary>
    /// From a string piece (a syntax node action on <see cref="StringPieces.Kinds"/>): the outermost string expression it
    /// starts, as an operation, when a constant part of it mentions <paramref name="needle"/> or <paramref name="otherNeedle"/>;
    /// null otherwise, and for every piece but the first of a concatenation (the whole is read once). A lone literal is
    /// tested on its token text before anything is bound, which is all most strings cost.
    /// </summary>
    public static IOperation? OutermostMentioning(SyntaxNodeAnalysisContext context, ConstantMentions constants, string needle, string? otherNeedle = null)
    {
        var piece = (ExpressionSyntax)context.Node;
        if (StringPieces.IsInInterpolationHole(piece) || (context.IsGeneratedCode && OwnGeneratedFiles.Contains(piece.SyntaxTree)))
        {
            return null;
        }

        if (piece is LiteralExpressionSyntax literal && !StringPieces.IsInConcatenation(piece))
        {
            var value = literal.Token.ValueText;
            if (value.IndexOf(needle, StringComparison.Ordinal) < 0 && (otherNeedle is null || value.IndexOf(otherNeedle, StringComparison.Ordinal) < 0))
            {
                return null;
            }
        }

        if (StringPieces.ChainRoot(piece, static (_, _) => true, 0) is not { } root)
        {
            return null;
        }

        // Binding is what a string costs: only when its own text mentions a needle, or a named constant in it may.
        var mention = StringPieces.Mentions(root, needle, otherNeedle);
        if (mention == TextMention.No || (mention == TextMention.OnlyThroughConstants && !constants.Possible(context.CancellationToken))
            || context.SemanticModel.GetOperation(root, context.CancellationToken) is not { } operation)
        {
            return null;
        }

        operation = OAuthSymbols.WithoutConversions(operation);
        return IsString(operation.Type) && (Mentions(operation, needle) || (otherNeedle is not null && Mentions(operation, otherNeedle))) ? operation : null;
    }

    /// <summary>
    /// True when <paramref name="operation"/> is the outermost piece of a string expression: parts of a concatenation
    /// or interpolation are read once, with the whole.
    /// </summary>
    public static bool IsOutermostString(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is not (IInterpolatedStringTextOperation or IInterpolationOperation)
            && !(parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && IsString(binary.Type));
    }

    public static bool IsString(ITypeSymbol? type) => type is { SpecialType: SpecialType.System_String };

    /// <summary>
    /// True when some constant piece of the string expression contains <paramref name="needle"/>; a cheap test without
    /// allocation, run before <see cref="Read"/> because most strings (log messages, SQL, paths) are no OAuth request.
    /// </summary>
    public static bool Mentions(IOperation operation, string needle)
    {
        operation = OAuthSymbols.WithoutConversions(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant.IndexOf(needle, StringComparison.Ordinal) >= 0;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    var text = part switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string value } } => value,
                        IInterpolationOperation { Expression.ConstantValue: { HasValue: true, Value: string inserted } } => inserted,
                        _ => null,
                    };
                    if (text is not null && text.IndexOf(needle, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                return Mentions(binary.LeftOperand, needle) || Mentions(binary.RightOperand, needle);

            default:
                return false;
        }
    }

    /// <summary>The text of a string expression with holes, or null when it holds no constant text at all.</summary>
    public static string? Read(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        var builder = new StringBuilder();
        Append(operation, builder);
        return builder.Length == 0 ? null : builder.ToString();
    }

    private static void Append(IOperation operation, StringBuilder builder)
    {
        operation = OAuthSymbols.WithoutConversions(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            builder.Append(constant);
            return;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue is { HasValue: true, Value: string value })
                    {
                        builder.Append(value);
                    }
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } interpolation
                        && interpolation.Expression.ConstantValue is { HasValue: true, Value: string inserted })
                    {
                        // {Constants.PkceParameters} is as good as written out.
                        builder.Append(inserted);
                    }
                    else
                    {
                        builder.Append(Hole);
                    }
                }

                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                Append(binary.LeftOperand, builder);
                Append(binary.RightOperand, builder);
                break;

            default:
                builder.Append(Hole);
                break;
        }
    }

    /// <summary>The value of query parameter <paramref name="name"/> (up to '&amp;', '#' or a hole), or null when absent.</summary>
    public static string? QueryValue(string text, string name)
    {
        var index = 0;
        while ((index = text.IndexOf(name + "=", index, StringComparison.Ordinal)) >= 0)
        {
            // A parameter starts the text or follows '?', '&' or a hole; "xresponse_type=" is another name.
            if (index == 0 || text[index - 1] is '?' or '&' or Hole)
            {
                var start = index + name.Length + 1;
                var end = start;
                while (end < text.Length && text[end] is not ('&' or '#' or Hole))
                {
                    end++;
                }

                // A value that runs into a hole is computed at run time.
                return end < text.Length && text[end] == Hole && end == start ? Hole.ToString() : text.Substring(start, end - start);
            }

            index += name.Length;
        }

        return null;
    }

    /// <summary>
    /// True when a computed part may add parameters: a hole right after '?' or '&amp;', or a hole in the query that does
    /// not directly follow '=' (<c>response_type=code{extra}</c>). Holes in value position (<c>client_id={id}</c>) and
    /// before the query (<c>{authority}/authorize?</c>) cannot.
    /// </summary>
    public static bool HasParameterHole(string text)
    {
        var query = text.IndexOf('?');
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != Hole)
            {
                continue;
            }

            var previous = text[i - 1];
            if (previous is '?' or '&' || (query >= 0 && i > query && previous != '='))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a response_type value asks for an authorization code (<c>code</c>, <c>code id_token</c>, URL-encoded or not).</summary>
    public static bool IsCodeResponseType(string value)
    {
        var decoded = value.Replace("%20", " ").Replace('+', ' ');
        foreach (var part in decoded.Split(' '))
        {
            if (string.Equals(part, "code", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
