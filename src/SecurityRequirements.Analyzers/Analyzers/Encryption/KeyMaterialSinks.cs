using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Where key material enters a cipher: the key of <c>new AesGcm/AesCcm/ChaCha20Poly1305(key, …)</c>, the nonce of
/// their <c>Encrypt</c>, <c>SymmetricAlgorithm.Key</c>/<c>IV</c> assignments (also through <c>dynamic</c>),
/// <c>CreateEncryptor/CreateDecryptor(key, iv)</c> and the IV of the one-shot CBC/CFB methods. Shared by SRA1004–1006
/// and SRA1010. Names are checked before any base-type walk, because these run for every creation, call and assignment.
/// </summary>
internal static class KeyMaterialSinks
{
    public static void Find(IOperation operation, CryptoTypes types, ref List<KeyMaterialSink>? sinks)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation when creation.Arguments.Length > 0 && types.IsAead(creation.Type):
                if (Argument(creation.Arguments, "key") is { } key)
                {
                    Add(ref sinks, new KeyMaterialSink(key.Value, KeyMaterialRole.Key, "new " + creation.Type!.Name + "(...)", true, creation, null, null));
                }

                break;

            case IInvocationOperation invocation:
                FromInvocation(invocation, types, ref sinks);
                break;

            case IDynamicInvocationOperation { Operation: IDynamicMemberReferenceOperation { MemberName: "CreateEncryptor" or "CreateDecryptor" } member } dynamicCall
                when dynamicCall.Arguments.Length == 2 && CryptoReceiver.StaticType(member.Instance) is { } dynamicType
                && CryptoTypes.DerivesFrom(dynamicType, types.SymmetricAlgorithm):
                var dynamicName = CryptoReceiver.Describe(member.Instance, dynamicType) + "." + member.MemberName;
                Add(ref sinks, new KeyMaterialSink(dynamicCall.Arguments[0], KeyMaterialRole.Key, dynamicName, !types.IsLegacyAlgorithm(dynamicType), dynamicCall, member.Instance, null));
                Add(ref sinks, new KeyMaterialSink(dynamicCall.Arguments[1], KeyMaterialRole.IV, dynamicName, false, dynamicCall, member.Instance, dynamicCall.Arguments[0]));
                break;

            case ISimpleAssignmentOperation assignment:
                FromAssignment(assignment, types, ref sinks);
                break;
        }
    }

    private static void FromInvocation(IInvocationOperation invocation, CryptoTypes types, ref List<KeyMaterialSink>? sinks)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || method.Name is not ("Encrypt" or "CreateEncryptor" or "CreateDecryptor"
            or "EncryptCbc" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptCfb" or "DecryptCbc" or "DecryptCfb" or "TryDecryptCbc" or "TryDecryptCfb"))
        {
            return;
        }

        var receiverType = invocation.Instance?.Type;
        if (method.Name == "Encrypt")
        {
            if (types.IsAead(receiverType) && Argument(invocation.Arguments, "nonce") is { } nonce)
            {
                Add(ref sinks, new KeyMaterialSink(nonce.Value, KeyMaterialRole.Nonce, receiverType!.Name + ".Encrypt", false, invocation, invocation.Instance, null));
            }

            return;
        }

        if (!CryptoTypes.DerivesFrom(receiverType, types.SymmetricAlgorithm))
        {
            return;
        }

        if (method.Name is "CreateEncryptor" or "CreateDecryptor")
        {
            if (invocation.Arguments.Length == 2)
            {
                // DES and friends are reported by SRA1001; their key sizes would only repeat it.
                var key = invocation.Arguments[0].Value;
                Add(ref sinks, new KeyMaterialSink(key, KeyMaterialRole.Key, method.Name, !types.IsLegacyAlgorithm(receiverType), invocation, invocation.Instance, null));
                Add(ref sinks, new KeyMaterialSink(invocation.Arguments[1].Value, KeyMaterialRole.IV, method.Name, false, invocation, invocation.Instance, key));
            }

            return;
        }

        if (Argument(invocation.Arguments, "iv") is { } iv)
        {
            Add(ref sinks, new KeyMaterialSink(iv.Value, KeyMaterialRole.IV, method.Name, false, invocation, invocation.Instance, null));
        }
    }

    private static void FromAssignment(ISimpleAssignmentOperation assignment, CryptoTypes types, ref List<KeyMaterialSink>? sinks)
    {
        IOperation? instance;
        ITypeSymbol? algorithm;
        string member;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.Name: "Key" or "IV" } property:
                if (!CryptoTypes.DerivesFrom(property.Property.ContainingType, types.SymmetricAlgorithm))
                {
                    return;
                }

                instance = property.Instance;
                algorithm = instance?.Type ?? property.Property.ContainingType;
                member = property.Property.Name;
                break;

            case IDynamicMemberReferenceOperation { MemberName: "Key" or "IV" } dynamicMember:
                algorithm = CryptoReceiver.StaticType(dynamicMember.Instance);
                if (!CryptoTypes.DerivesFrom(algorithm, types.SymmetricAlgorithm))
                {
                    return;
                }

                instance = dynamicMember.Instance;
                member = dynamicMember.MemberName;
                break;

            default:
                return;
        }

        var name = CryptoReceiver.Describe(instance, algorithm!) + "." + member;
        var role = member == "Key" ? KeyMaterialRole.Key : KeyMaterialRole.IV;
        Add(ref sinks, new KeyMaterialSink(assignment.Value, role, name, role == KeyMaterialRole.Key && !types.IsLegacyAlgorithm(algorithm), assignment, instance, null));
    }

    /// <summary>The list is created on the first sink only: most operations are not sinks.</summary>
    private static void Add(ref List<KeyMaterialSink>? sinks, KeyMaterialSink sink) => (sinks ??= new List<KeyMaterialSink>(2)).Add(sink);

    public static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }
}
