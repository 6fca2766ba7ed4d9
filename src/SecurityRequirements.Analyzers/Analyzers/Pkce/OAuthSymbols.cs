using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>From the method name to the closing parenthesis, so a long builder chain is not underlined as a whole.</summary>
    public static Location NameToEnd(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
        }

        return syntax.GetLocation();
    }

    /// <summary>The configuration an operation belongs to: its innermost lambda, or else its whole method body.</summary>
    public static IOperation ConfigurationScope(IOperation operation)
    {
        var scope = operation;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        return scope;
    }

    /// <summary>True when <paramref name="scope"/> calls a method named <paramref name="name"/> declared on one of <paramref name="types"/>.</summary>
    public static bool CallsInScope(IOperation scope, string name, ImmutableArray<INamedTypeSymbol> types)
    {
        foreach (var descendant in scope.Descendants())
        {
            if (descendant is IInvocationOperation other && other.TargetMethod.Name == name && Contains(types, other.TargetMethod.ContainingType))
            {
                return true;
            }
        }

        return false;
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
