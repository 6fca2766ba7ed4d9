using System;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>
/// The exported <c>.security-attestation.json</c>: the embedded manifest with one member added,
/// <c>assemblySha256</c>, the SHA-256 of the assembly file it was read from. The manifest cannot
/// name its own assembly's hash (it is part of the assembly), so the export adds it; removing the
/// member gives back the embedded manifest byte for byte, which is how <c>sra verify --report</c>
/// ties a report to a binary.
/// </summary>
public static class EvidenceJson
{
    public const string AssemblySha256Key = "assemblySha256";

    public static string Write(AttestationManifest manifest, string assemblySha256)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        return JsonWriter.Write(manifest.Root.With(AssemblySha256Key, assemblySha256));
    }

    /// <summary>
    /// Splits an exported file into the assembly hash it names and the manifest it carries.
    /// <see cref="FormatException"/> when the file is not a JSON object.
    /// </summary>
    public static (string? AssemblySha256, string Manifest) Read(string evidenceJson)
    {
        var root = JsonReader.ParseObject(evidenceJson);
        return (root.GetString(AssemblySha256Key), JsonWriter.Write(root.Without(AssemblySha256Key)));
    }
}
