using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// The constant string pairs of a form or query dictionary written as an initialiser:
/// <c>{ ["k"] = "v" }</c>, <c>{ { "k", "v" } }</c> and <c>new[] { new KeyValuePair&lt;string, string&gt;("k", "v") }</c>.
/// </summary>
internal static class FormParameters
{
    /// <summary>The elements of an object/collection or array initialiser.</summary>
    public static System.Collections.Immutable.ImmutableArray<IOperation> Elements(IOperation initializer) => initializer switch
    {
        IObjectOrCollectionInitializerOperation objectOrCollection => objectOrCollection.Initializers,
        IArrayInitializerOperation array => array.ElementValues,
        _ => System.Collections.Immutable.ImmutableArray<IOperation>.Empty,
    };

    /// <summary>
    /// False for an initialiser that cannot hold a pair: an empty one, or an array of numbers, strings or other built-in
    /// values (tables of constants, which numeric code is full of); checked before any element is read.
    /// </summary>
    public static bool MayHoldPairs(IOperation initializer) => initializer switch
    {
        IArrayInitializerOperation array => array.ElementValues.Length > 0
            && (array.Parent as IArrayCreationOperation)?.Type is not IArrayTypeSymbol { ElementType.SpecialType: not SpecialType.None and not SpecialType.System_Object },
        IObjectOrCollectionInitializerOperation objectOrCollection => objectOrCollection.Initializers.Length > 0,
        _ => false,
    };

    /// <summary>The constant key and value of one element, or null when it is not a pair of constant strings.</summary>
    public static (string Key, string? Value)? Pair(IOperation element)
    {
        element = OAuthSymbols.WithoutConversions(element);
        switch (element)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                return Make(indexer.Arguments[0].Value, assignment.Value);
            case IInvocationOperation { Arguments.Length: 2 } add when add.TargetMethod.Name == "Add":
                return Make(add.Arguments[0].Value, add.Arguments[1].Value);
            case IObjectCreationOperation { Arguments.Length: 2 } pair:
                return Make(pair.Arguments[0].Value, pair.Arguments[1].Value);
            default:
                return null;
        }
    }

    /// <summary>True when some element has the constant key <paramref name="key"/>.</summary>
    public static bool HasKey(IOperation initializer, string key)
    {
        foreach (var element in Elements(initializer))
        {
            if (Pair(element) is { } pair && string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (string Key, string? Value)? Make(IOperation key, IOperation value)
    {
        if (key.ConstantValue is not { HasValue: true, Value: string keyText })
        {
            return null;
        }

        return (keyText, value.ConstantValue is { HasValue: true, Value: string valueText } ? valueText : null);
    }
}
