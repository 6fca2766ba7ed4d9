using System;
using System.IO;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace SecurityRequirements.Attestation.Tasks;

/// <summary>
/// Writes <c>security-requirements.brief.md</c> from the brief the generator embedded, when the
/// SecurityRequirementsBrief target asked it to, in the stub assembly that target compiles.
/// </summary>
public sealed class SecurityRequirementsExportBrief : Task
{
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    [Required]
    public string BriefPath { get; set; } = string.Empty;

    public override bool Execute()
    {
        string? brief = null;
        try
        {
            if (File.Exists(AssemblyPath))
            {
                brief = AttestationMetadataReader.Read(AssemblyPath).Brief;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            Log.LogError("SecurityRequirements: cannot read '{0}': {1}", AssemblyPath, e.Message);
            return false;
        }

        if (brief is null)
        {
            Log.LogError("SecurityRequirements: no requirements brief in '{0}': the SecurityRequirements.Analyzers generator did not run in the brief's stub compilation.", AssemblyPath);
            return false;
        }

        EvidenceFiles.Write(BriefPath, brief);
        Log.LogMessage(MessageImportance.High, "SecurityRequirements: requirements brief written to {0}", BriefPath);
        return true;
    }
}
