namespace SecurityRequirements.Attestation;

/// <summary>One requirements file the build read: its path relative to the project (or file name) and the SHA-256 of its text.</summary>
public sealed class ManifestRequirementsFile
{
    public ManifestRequirementsFile(string? file, string? sha256)
    {
        File = file;
        Sha256 = sha256;
    }

    /// <summary>Null for the built-in baseline.</summary>
    public string? File { get; }

    public string? Sha256 { get; }
}
