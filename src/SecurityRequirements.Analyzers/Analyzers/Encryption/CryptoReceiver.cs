using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// The static type behind a receiver, also when the code goes through <c>dynamic</c>: <c>dynamic aes = Aes.Create();</c>
/// or <c>((dynamic)aes).Mode = …</c> still configure an Aes. Only a local written once (or a cast) is followed.
/// </summary>
internal static class CryptoReceiver
{
    public static ITypeSymbol? StaticType(IOperation? receiver)
    {
        if (receiver?.Type is { } type && type.TypeKind != TypeKind.Dynamic)
        {
            return type;
        }

        var operation = OperationTree.SkipConversions(receiver);
        if (operation is ILocalReferenceOperation local && local.Local.Type.TypeKind == TypeKind.Dynamic)
        {
            operation = OperationTree.SkipConversions(ConstantTracer.OnlyWrite(local.Local, local));
        }

        return operation?.Type is { TypeKind: not TypeKind.Dynamic } staticType ? staticType : null;
    }

    /// <summary>"Aes" or "Aes (through dynamic)", for messages.</summary>
    public static string Describe(IOperation? receiver, ITypeSymbol type) =>
        receiver?.Type?.TypeKind == TypeKind.Dynamic ? type.Name + " (through dynamic)" : type.Name;
}
