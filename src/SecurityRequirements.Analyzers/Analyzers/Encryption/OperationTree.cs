using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>Helpers over the operation tree of one member body; walks are iterative and run only at crypto sinks.</summary>
internal static class OperationTree
{
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The symbol a reference operation names: a local, parameter or field; null for anything else.</summary>
    public static ISymbol? ReferencedSymbol(IOperation? operation)
    {
        operation = SkipConversions(operation);
        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
    }

    public static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool IsReferenceTo(IOperation? operation, ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(ReferencedSymbol(operation), symbol);
}
