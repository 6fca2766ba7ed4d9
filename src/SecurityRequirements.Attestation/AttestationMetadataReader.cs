using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecurityRequirements.Attestation;

/// <summary>
/// Reads the attestation's <c>AssemblyMetadata</c> entries from an assembly's metadata tables,
/// without loading the assembly: the one reader of the build task and the tool.
/// </summary>
public static class AttestationMetadataReader
{
    /// <summary>
    /// Reads the file once, hashes its bytes and reads its assembly-level metadata.
    /// <see cref="BadImageFormatException"/> when it is not a .NET assembly; I/O exceptions as thrown.
    /// </summary>
    public static AssemblyAttestation Read(string assemblyPath)
    {
        var bytes = File.ReadAllBytes(assemblyPath);
        return Read(Path.GetFileName(assemblyPath), bytes);
    }

    public static AssemblyAttestation Read(string fileName, byte[] image)
    {
        if (image is null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        string? manifest = null;
        string? manifestSha256 = null;
        string? requirementsSha256 = null;
        string? brief = null;
        using (var pe = new PEReader(new MemoryStream(image, writable: false)))
        {
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException($"'{fileName}' is not a .NET assembly.");
            }

            MetadataReader metadata;
            try
            {
                metadata = pe.GetMetadataReader();
            }
            catch (InvalidOperationException e)
            {
                throw new BadImageFormatException($"'{fileName}' has unreadable metadata: {e.Message}", e);
            }

            if (!metadata.IsAssembly)
            {
                throw new BadImageFormatException($"'{fileName}' is a module, not an assembly.");
            }

            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
                {
                    continue;
                }

                if (!TryReadKeyValue(metadata.GetBlobReader(attribute.Value), out var key, out var value))
                {
                    continue;
                }

                switch (key)
                {
                    case AttestationKeys.Manifest:
                        manifest = value;
                        break;
                    case AttestationKeys.ManifestSha256:
                        manifestSha256 = value;
                        break;
                    case AttestationKeys.RequirementsSha256:
                        requirementsSha256 = value;
                        break;
                    case AttestationKeys.Brief:
                        brief = value;
                        break;
                    default:
                        break;
                }
            }
        }

        return new AssemblyAttestation(fileName, Sha256Hex.Of(image), manifest, manifestSha256, requirementsSha256, brief);
    }

    // ECMA-335 II.23.3: prolog 0x0001, then the two fixed string arguments (SerString each).
    private static bool TryReadKeyValue(BlobReader blob, out string? key, out string? value)
    {
        key = null;
        value = null;
        try
        {
            if (blob.Length < 2 || blob.ReadUInt16() != 1)
            {
                return false;
            }

            key = blob.ReadSerializedString();
            value = blob.ReadSerializedString();
            return key is not null;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
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
                name = reference.Name;
                ns = reference.Namespace;
                break;
            case HandleKind.MethodDefinition:
                var definition = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                name = definition.Name;
                ns = definition.Namespace;
                break;
            default:
                return false;
        }

        return metadata.StringComparer.Equals(name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(ns, "System.Reflection");
    }
}
