using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>Operation-tree questions shared by the PII checks.</summary>
internal static class PiiOperations
{
    /// <summary>The property, field or primary-constructor parameter a reference reads, or null.</summary>
    public static ISymbol? ReferencedMember(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation property => property.Property,
        IFieldReferenceOperation field => field.Field,
        // Cheap filter only: the classifier checks (once per parameter) that it is a primary-constructor parameter.
        IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>"Patient.Email": the declaring type and the member, as messages and the code fix name it.</summary>
    public static string DisplayName(ISymbol member) =>
        member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;

    /// <summary>
    /// False for references that do not read the value at run time in this process: the target of an
    /// assignment (a write), nameof, attribute arguments and lambdas converted to expression trees
    /// (EF Core translates <c>Where(p =&gt; p.Email == x)</c> to SQL; the read happens in the database).
    /// </summary>
    public static bool IsRead(IOperation reference, LoggingSymbols logging)
    {
        // A write: the reference itself, or a deconstruction tuple holding it, is the assignment target.
        var target = reference;
        while (target.Parent is ITupleOperation tuple)
        {
            target = tuple;
        }

        if ((target.Parent is ISimpleAssignmentOperation assignment && assignment.Target == target)
            || (target.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == target))
        {
            return false;
        }

        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Kind == OperationKind.NameOf
                || (parent.Kind == OperationKind.AnonymousFunction && IsExpressionTree(parent.Parent, logging)))
            {
                return false;
            }
        }

        return reference.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null;
    }

    /// <summary>The innermost lambda or local function around <paramref name="operation"/>, or null for the member body itself.</summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="function"/> is <paramref name="operation"/>'s own function or one that encloses it.</summary>
    public static bool IsInside(IOperation operation, IOperation? function)
    {
        if (function is null)
        {
            return true;
        }

        for (var current = EnclosingFunction(operation); current is not null; current = EnclosingFunction(current))
        {
            if (current == function)
            {
                return true;
            }
        }

        return false;
    }

    public static IOperation StripConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static bool IsExpressionTree(IOperation? conversion, LoggingSymbols logging)
    {
        if (logging.LambdaExpression is null)
        {
            return false;
        }

        for (var type = conversion?.Type; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, logging.LambdaExpression))
            {
                return true;
            }
        }

        return false;
    }
}
