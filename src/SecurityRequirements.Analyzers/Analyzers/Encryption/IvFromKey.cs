using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Finds IVs that are the key, or bytes sliced or copied from it (<c>IV = key</c>, <c>key.Take(16).ToArray()</c>,
/// <c>Array.Copy(key, iv, 16)</c>, <c>CreateEncryptor(key, key)</c>), or that come from the same string as the key
/// through encodings and slices. Such an IV is the same for every message under that key. Only pure copies and
/// encodings are followed: two outputs of one key-derivation function are independent and stay silent.
/// </summary>
internal static class IvFromKey
{
    private const int MaxDepth = 6;

    /// <summary>The key written to the same algorithm instance in the same body (the object initializer or an assignment), or null.</summary>
    public static IOperation? KeyOf(IOperation? instance, IOperation anchor)
    {
        if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // new RijndaelManaged { Key = keyBytes, IV = keyBytes }: a sibling in the same initializer.
            for (var parent = anchor.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IObjectOrCollectionInitializerOperation initializer)
                {
                    IOperation? key = null;
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Key" } } assignment)
                        {
                            key = assignment.Value;
                        }
                    }

                    return key;
                }
            }

            return null;
        }

        var receiver = OperationTree.ReferencedSymbol(instance);
        if (receiver is null)
        {
            return null;
        }

        IOperation? found = null;
        foreach (var operation in OperationTree.Root(anchor).Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Key" } target } assignment
                && OperationTree.IsReferenceTo(target.Instance, receiver))
            {
                found = assignment.Value;
            }
        }

        return found;
    }

    /// <summary>A phrase for the message when <paramref name="iv"/> is taken from <paramref name="key"/>, else null.</summary>
    public static string? Describe(IOperation iv, IOperation? key, IOperation? instance)
    {
        var ivValue = OperationTree.SkipConversions(iv);
        if (ivValue is IPropertyReferenceOperation { Property.Name: "Key" } keyProperty
            && (instance is null || SymbolEqualityComparer.Default.Equals(OperationTree.ReferencedSymbol(keyProperty.Instance), OperationTree.ReferencedSymbol(instance))))
        {
            return "the algorithm's own Key, so every message under that key gets the same IV";
        }

        if (key is null)
        {
            return null;
        }

        var keyRoot = Root(key, 0);
        if (keyRoot is null)
        {
            return null;
        }

        var ivRoot = Root(iv, 0);
        if (SymbolEqualityComparer.Default.Equals(ivRoot, keyRoot) || CopiedFrom(iv, keyRoot))
        {
            return "taken from '" + keyRoot.Name + "', the same value as the key, so every message under that key gets the same IV";
        }

        return null;
    }

    /// <summary>The local, parameter or field the bytes come from, through copies, slices and encodings only.</summary>
    private static ISymbol? Root(IOperation? operation, int depth)
    {
        operation = OperationTree.SkipConversions(operation);
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                var write = ConstantTracer.OnlyWrite(local.Local, local);
                return write is not null && Root(write, depth + 1) is { } deeper ? deeper : local.Local;

            case IParameterReferenceOperation parameter:
                return parameter.Parameter;

            case IFieldReferenceOperation field:
                return field.Field;

            case IArrayElementReferenceOperation { Type: IArrayTypeSymbol } range:
                return Root(range.ArrayReference, depth + 1);

            case IImplicitIndexerReferenceOperation slice:
                return Root(slice.Instance, depth + 1);

            case IInvocationOperation invocation when IsPureCopy(invocation):
                // Encoding.UTF8.GetBytes(s) and Convert.FromBase64String(s) take their source as the argument; key.Substring(0, 16) and
                // key.Take(16) (an extension: no instance) read it from the receiver.
                var source = invocation.TargetMethod.Name is "GetBytes" or "FromBase64String" or "FromHexString" || invocation.Instance is null
                    ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                    : invocation.Instance;
                return Root(source, depth + 1);

            default:
                return null;
        }
    }

    /// <summary>Calls whose result is (part of) their source: encodings, slices, copies.</summary>
    private static bool IsPureCopy(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return method.Name switch
        {
            "GetBytes" => method.ContainingType.Name.EndsWith("Encoding", System.StringComparison.Ordinal) || method.ContainingType.BaseType?.Name == "Encoding",
            "FromBase64String" or "FromHexString" => method.ContainingType.Name == "Convert",
            "Take" or "Skip" or "ToArray" or "AsSpan" or "AsMemory" or "Slice" or "Substring" or "Clone" or "ToCharArray" or "Reverse" or "CopyOf" or "TakeLast" or "SkipLast" => true,
            _ => false,
        };
    }

    /// <summary>An IV local filled by Array.Copy, Buffer.BlockCopy or CopyTo from the key's bytes.</summary>
    private static bool CopiedFrom(IOperation iv, ISymbol keyRoot)
    {
        if (OperationTree.SkipConversions(iv) is not ILocalReferenceOperation ivLocal)
        {
            return false;
        }

        foreach (var operation in OperationTree.Root(iv).Descendants())
        {
            if (operation is not IInvocationOperation { TargetMethod.Name: "Copy" or "BlockCopy" or "CopyTo" or "ConstrainedCopy" } copy)
            {
                continue;
            }

            IOperation? source = null;
            var writesIv = false;
            if (copy.Instance is not null)
            {
                source = copy.Instance;
                writesIv = copy.Arguments.Length > 0 && ByteOriginTracer.RefersTo(copy.Arguments[0].Value, ivLocal.Local);
            }
            else if (copy.Arguments.Length >= 2)
            {
                source = copy.Arguments[0].Value;
                foreach (var argument in copy.Arguments)
                {
                    writesIv |= argument.Parameter?.Name is { } name && (name.StartsWith("dest", System.StringComparison.Ordinal) || name == "dst")
                        && ByteOriginTracer.RefersTo(argument.Value, ivLocal.Local);
                }
            }

            if (writesIv && SymbolEqualityComparer.Default.Equals(Root(source, 1), keyRoot))
            {
                return true;
            }
        }

        return false;
    }
}
