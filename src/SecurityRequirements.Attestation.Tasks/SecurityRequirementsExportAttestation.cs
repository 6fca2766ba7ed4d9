using System;
using System.IO;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace SecurityRequirements.Attestation.Tasks;

/// <summary>
/// Writes <c>$(TargetName).security-attestation.json</c> and <c>.html</c> from the manifest the
/// attestation generator embedded in the built assembly, with the assembly's SHA-256 added.
/// </summary>
public sealed class SecurityRequirementsExportAttestation : Task
{
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    [Required]
    public string JsonPath { get; set; } = string.Empty;

    [Required]
    public string HtmlPath { get; set; } = string.Empty;

    public override bool Execute()
    {
        if (!File.Exists(AssemblyPath))
        {
            Log.LogMessage(MessageImportance.Low, "SecurityRequirements: no assembly at '{0}'; no attestation written.", AssemblyPath);
            return true;
        }

        AssemblyAttestation attestation;
        AttestationManifest manifest;
        try
        {
            attestation = AttestationMetadataReader.Read(AssemblyPath);
            if (!attestation.HasAttestation)
            {
                // The generator did not run (a project without C# sources, or the analyzers were disabled).
                Log.LogMessage(MessageImportance.Normal, "SecurityRequirements: '{0}' holds no attestation; none written.", AssemblyPath);
                return true;
            }

            if (attestation.IntegrityError is { } integrity)
            {
                Log.LogError("SecurityRequirements: the attestation in '{0}' is not intact: {1}", AssemblyPath, integrity);
                return false;
            }

            manifest = AttestationManifest.Parse(attestation.Manifest!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or FormatException)
        {
            Log.LogError("SecurityRequirements: the attestation in '{0}' is unreadable: {1}", AssemblyPath, e.Message);
            return false;
        }

        EvidenceFiles.Write(JsonPath, EvidenceJson.Write(manifest, attestation.Sha256));
        EvidenceFiles.Write(HtmlPath, AttestationReport.Render(manifest, attestation.FileName, attestation.Sha256));
        Log.LogMessage(MessageImportance.High, "SecurityRequirements: attestation written to {0} and {1}", JsonPath, HtmlPath);
        return true;
    }
}
