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

    /// <summary>The type that declares a property or field, or the primary constructor of a parameter.</summary>
    public static INamedTypeSymbol? DeclaringType(ISymbol member) =>
        member is IParameterSymbol ? member.ContainingSymbol.ContainingType : member.ContainingType;

    /// <summary>"Patient.Email": the declaring type and the member, as messages and the code fix name it.</summary>
    public static string DisplayName(ISymbol member) =>
        member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;

    /// <summary>
    /// False for references that do not read the value at run time in this process: the target of an
    /// assignment (a write), nameof, attribute arguments, and lambdas converted to expression trees other than
    /// projections. EF Core translates <c>Where(p =&gt; p.Email == x)</c> and <c>OrderBy(p =&gt; p.Email)</c> to SQL:
    /// the database compares the data and nothing leaves it; <c>Select(p =&gt; p.Email)</c> (a selector) brings the
    /// data out of storage, so a reference in a projection is a read.
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
                || (parent.Kind == OperationKind.AnonymousFunction && IsExpressionTree(parent.Parent, logging) && !IsProjection(parent)))
            {
                return false;
            }
        }

        return reference.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is null;
    }

    /// <summary>
    /// A lambda passed as a projection: the selector of Select, SelectMany, Join, GroupJoin, Zip, Min, Max and
    /// the like (parameters named selector, resultSelector, elementSelector, collectionSelector), or the key
    /// selector of GroupBy, whose keys come back to the caller.
    /// </summary>
    private static bool IsProjection(IOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parameter: { } parameter } argument
            && (parameter.Name is "selector" or "resultSelector" or "elementSelector" or "collectionSelector"
                || (parameter.Name == "keySelector" && argument.Parent is IInvocationOperation { TargetMethod.Name: "GroupBy" }));
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
