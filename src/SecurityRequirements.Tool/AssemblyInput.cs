using SecurityRequirements.Attestation;

namespace SecurityRequirements.Tool;

/// <summary>Reads an assembly's attestation for a command and turns each way it can fail into a message and an exit code.</summary>
internal sealed record AssemblyInput(AssemblyAttestation? Attestation, AttestationManifest? Manifest, int ExitCode, string? Problem)
{
    public static AssemblyInput Read(string assemblyPath)
    {
        AssemblyAttestation attestation;
        try
        {
            attestation = AttestationMetadataReader.Read(assemblyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return new AssemblyInput(null, null, ExitCodes.Unreadable, $"cannot read '{assemblyPath}': {e.Message.TrimEnd('.')}");
        }

        if (!attestation.HasAttestation)
        {
            return new AssemblyInput(attestation, null, ExitCodes.NoAttestation,
                $"'{assemblyPath}' carries no security attestation: it was not built with SecurityRequirements.Analyzers, or the generator did not run");
        }

        if (attestation.IntegrityError is { } integrity)
        {
            return new AssemblyInput(attestation, null, ExitCodes.NotIntact, $"the attestation in '{assemblyPath}' is not intact: {integrity}");
        }

        try
        {
            return new AssemblyInput(attestation, AttestationManifest.Parse(attestation.Manifest!), ExitCodes.Success, null);
        }
        catch (FormatException e)
        {
            return new AssemblyInput(attestation, null, ExitCodes.NotIntact, $"the attestation in '{assemblyPath}' is not valid JSON: {e.Message}");
        }
    }
}
