using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>Symbol helpers shared by the oauth-pkce analyzers; types are resolved once per compilation.</summary>
internal static class OAuthSymbols
{
    public const string ReplacementProperty = "Replacement";

    /// <summary>The types of <paramref name="metadataNames"/> that this compilation references.</summary>
    public static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    public static bool Contains(ImmutableArray<INamedTypeSymbol> types, ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The property an assignment writes when it is declared on one of <paramref name="types"/>: plain assignments,
    /// object initialisers and lambdas all bind to the declaring type, so derived options (GoogleOptions) match too.
    /// </summary>
    public static IPropertySymbol? AssignedProperty(ISimpleAssignmentOperation assignment, ImmutableArray<INamedTypeSymbol> types)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property: { } property } && Contains(types, property.ContainingType))
        {
            return property;
        }

        return null;
    }

    /// <summary>The operand with implicit conversions removed, so constants and calls are seen as written.</summary>
    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
