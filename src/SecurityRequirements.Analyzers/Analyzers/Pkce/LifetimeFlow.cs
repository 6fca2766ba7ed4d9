using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Follows a lifetime value to where it is written, within the compilation: a local to its only definition in the same
/// body, a readonly field or get-only property to its initialiser, a readonly field without one to the only constructor
/// assignment. Definitions are read only from the tree being analysed (through its semantic model), so nothing here
/// asks the compilation for another model; a definition in another file is not followed.
/// </summary>
internal static class LifetimeFlow
{
    private const int MaxHops = 4;

    /// <summary>The defining value of <paramref name="value"/> when it is a local, field or property reference that can be followed; otherwise <paramref name="value"/>.</summary>
    public static IOperation Follow(IOperation value, out string? via)
    {
        via = null;
        value = OAuthSymbols.WithoutConversions(value);
        for (var hop = 0; hop < MaxHops && value.ConstantValue is not { HasValue: true }; hop++)
        {
            var next = value switch
            {
                ILocalReferenceOperation local => LocalDefinition(local),
                IFieldReferenceOperation field => FieldDefinition(field),
                IPropertyReferenceOperation property => PropertyDefinition(property),
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            via = value switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IFieldReferenceOperation field => field.Field.Name,
                _ => ((IPropertyReferenceOperation)value).Property.Name,
            };
            value = OAuthSymbols.WithoutConversions(next);
        }

        return value;
    }

    /// <summary>The only value written to a local in the body that declares it: its initialiser or its one assignment.</summary>
    private static IOperation? LocalDefinition(ILocalReferenceOperation reference)
    {
        var root = (IOperation)reference;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        IOperation? definition = null;
        var writes = 0;
        foreach (var descendant in root.Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.Initializer is { } initializer)
                    {
                        definition = initializer.Value;
                        writes++;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    definition = assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                    writes++;
                    break;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local):
                    return null;
            }
        }

        return writes == 1 ? definition : null;
    }

    /// <summary>A readonly field's initialiser, or the only assignment to it in a constructor of the same file.</summary>
    private static IOperation? FieldDefinition(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return null;
        }

        var declaration = field.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        if (declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return model.GetOperation(initializer);
        }

        IOperation? definition = null;
        var writes = 0;
        foreach (var constructor in field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors)
        {
            foreach (var syntax in constructor.DeclaringSyntaxReferences)
            {
                if (syntax.SyntaxTree != model.SyntaxTree || model.GetOperation(syntax.GetSyntax()) is not { } body)
                {
                    continue;
                }

                foreach (var descendant in body.Descendants())
                {
                    if (descendant is IAssignmentOperation { Target: IFieldReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Field, field))
                    {
                        definition = assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                        writes++;
                    }
                }
            }
        }

        return writes == 1 ? definition : null;
    }

    /// <summary>The value of a get-only property written as <c>=&gt; value</c> or with an initialiser.</summary>
    private static IOperation? PropertyDefinition(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.SetMethod is not null || !property.Parameters.IsEmpty || property.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return null;
        }

        var declaration = property.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree || declaration.GetSyntax() is not PropertyDeclarationSyntax syntax)
        {
            return null;
        }

        var value = syntax.ExpressionBody?.Expression ?? syntax.Initializer?.Value;
        return value is null ? null : model.GetOperation(value);
    }
}
