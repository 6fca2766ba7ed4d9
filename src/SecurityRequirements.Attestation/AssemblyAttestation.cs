using System;

namespace SecurityRequirements.Attestation;

/// <summary>What an assembly file carries: its own SHA-256 and the generator's <c>AssemblyMetadata</c> entries.</summary>
public sealed class AssemblyAttestation
{
    public AssemblyAttestation(string fileName, string sha256, string? manifest, string? manifestSha256, string? requirementsSha256, string? brief)
    {
        FileName = fileName;
        Sha256 = sha256;
        Manifest = manifest;
        ManifestSha256 = manifestSha256;
        RequirementsSha256 = requirementsSha256;
        Brief = brief;
    }

    /// <summary>The assembly's file name, with extension (the in-toto subject name).</summary>
    public string FileName { get; }

    /// <summary>Lower-case hex SHA-256 of the assembly file's bytes.</summary>
    public string Sha256 { get; }

    public string? Manifest { get; }

    public string? ManifestSha256 { get; }

    public string? RequirementsSha256 { get; }

    /// <summary>The requirements brief; only the SecurityRequirementsBrief target's stub assembly carries one.</summary>
    public string? Brief { get; }

    /// <summary>False when the generator did not run for this assembly (or it was not built with the package).</summary>
    public bool HasAttestation => Manifest is not null || ManifestSha256 is not null;

    /// <summary>Why the embedded manifest cannot be trusted, or null when it matches the hash recorded beside it.</summary>
    public string? IntegrityError
    {
        get
        {
            if (!HasAttestation)
            {
                return null;
            }

            if (Manifest is null)
            {
                return $"the assembly records {AttestationKeys.ManifestSha256} but has no {AttestationKeys.Manifest} entry";
            }

            if (ManifestSha256 is null)
            {
                return $"the manifest has no {AttestationKeys.ManifestSha256} entry";
            }

            var actual = Sha256Hex.OfText(Manifest);
            return string.Equals(actual, ManifestSha256, StringComparison.Ordinal)
                ? null
                : $"the manifest's SHA-256 is {actual} but the assembly records {ManifestSha256}";
        }
    }
}
