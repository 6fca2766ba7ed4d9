using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>Spells System.Security.Cryptography types the way the fixed file can bind them: short when in scope, qualified otherwise.</summary>
internal static class CryptoNames
{
    private const string Namespace = "System.Security.Cryptography";

    public static string TypeName(SemanticModel model, int position, string typeName)
    {
        var info = model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName(typeName), SpeculativeBindingOption.BindAsTypeOrNamespace);
        return info.Type is INamedTypeSymbol type && type.ContainingNamespace?.ToDisplayString() == Namespace
            ? typeName
            : Namespace + "." + typeName;
    }
}
