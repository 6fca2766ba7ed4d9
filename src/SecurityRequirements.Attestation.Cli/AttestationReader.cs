using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SecurityRequirements.Attestation.Export;

namespace SecurityRequirements.Attestation.Cli;

/// <summary>Reads the attestation's AssemblyMetadata entries from an assembly's metadata, without loading the assembly.</summary>
internal static class AttestationReader
{
    /// <summary>The manifest and its recorded hash; both null when the assembly carries no attestation.</summary>
    public static (string? Manifest, string? Sha256) Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"'{assemblyPath}' is not a .NET assembly.");
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new BadImageFormatException($"'{assemblyPath}' is a module, not an assembly.");
        }

        string? manifest = null;
        string? sha256 = null;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
            {
                continue;
            }

            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.Length < 2 || blob.ReadUInt16() != 1)
            {
                continue;
            }

            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key == AttestationFiles.ManifestKey)
            {
                manifest = value;
            }
            else if (key == AttestationFiles.ManifestSha256Key)
            {
                sha256 = value;
            }
        }

        return (manifest, sha256);
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        StringHandle name;
        StringHandle ns;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var reference = metadata.GetTypeReference((TypeReferenceHandle)parent);
                (name, ns) = (reference.Name, reference.Namespace);
                break;
            case HandleKind.MethodDefinition:
                var definition = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                (name, ns) = (definition.Name, definition.Namespace);
                break;
            default:
                return false;
        }

        return metadata.StringComparer.Equals(name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(ns, "System.Reflection");
    }
}
