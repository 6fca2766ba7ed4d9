using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// The compile-time value of an argument that is not itself a constant expression but is traceable to one within
/// the member body: a local written once with a constant, a readonly field initialised with a constant in the same
/// file, an interpolated string or concatenation whose parts are constants. Bounded depth; runs only at sinks.
/// </summary>
internal static class ConstantTracer
{
    private const int MaxDepth = 4;

    public static bool TryGetValue(IOperation? value, out object? constant) => TryGet(value, 0, out constant);

    public static string? String(IOperation? value) => TryGet(value, 0, out var constant) ? constant as string : null;

    private static bool TryGet(IOperation? value, int depth, out object? constant)
    {
        constant = null;
        value = OperationTree.SkipConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        if (value.ConstantValue.HasValue)
        {
            constant = value.ConstantValue.Value;
            return true;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                return TryInterpolate(interpolated, depth, out constant);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                if (TryGet(add.LeftOperand, depth + 1, out var left) && TryGet(add.RightOperand, depth + 1, out var right))
                {
                    constant = Format(left) + Format(right);
                    return true;
                }

                return false;

            case ILocalReferenceOperation local:
                return TryGet(OnlyWrite(local.Local, local), depth + 1, out constant);

            case IFieldReferenceOperation field:
                return TryGet(ReadonlyFieldInitializer(field), depth + 1, out constant);

            default:
                return false;
        }
    }

    private static bool TryInterpolate(IInterpolatedStringOperation interpolated, int depth, out object? constant)
    {
        constant = null;
        var text = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation literal when literal.Text.ConstantValue.Value is string s:
                    text.Append(s);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole when TryGet(hole.Expression, depth + 1, out var value):
                    text.Append(Format(value));
                    break;
                default:
                    return false;
            }
        }

        constant = text.ToString();
        return true;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The value a local is given, when the body writes it exactly once (its initializer or one assignment).</summary>
    public static IOperation? OnlyWrite(ILocalSymbol local, IOperation reference)
    {
        IOperation? onlyWrite = null;
        var writes = 0;
        foreach (var operation in OperationTree.Root(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        writes++;
                        onlyWrite = initializer.Value;
                    }

                    break;
                case IAssignmentOperation assignment when OperationTree.IsReferenceTo(assignment.Target, local):
                    writes++;
                    onlyWrite = assignment is ISimpleAssignmentOperation ? assignment.Value : null;
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when OperationTree.IsReferenceTo(argument.Value, local):
                    writes += 2;
                    break;
            }
        }

        return writes == 1 ? onlyWrite : null;
    }

    /// <summary>The initializer of a readonly field declared in the file being analysed (another tree's model is RS1030).</summary>
    public static IOperation? ReadonlyFieldInitializer(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (!field.IsReadOnly || reference.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var syntaxReference in field.DeclaringSyntaxReferences)
        {
            if (syntaxReference.SyntaxTree == model.SyntaxTree
                && syntaxReference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                return model.GetOperation(initializer);
            }
        }

        return null;
    }
}
