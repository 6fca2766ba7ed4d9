namespace SecurityRequirements.Attestation;

/// <summary>The <c>AssemblyMetadata</c> keys the generator writes and the file names the evidence is written under.</summary>
public static class AttestationKeys
{
    public const string Manifest = "SecurityRequirements.Attestation.Manifest";
    public const string ManifestSha256 = "SecurityRequirements.Attestation.ManifestSha256";
    public const string RequirementsSha256 = "SecurityRequirements.Attestation.RequirementsSha256";
    public const string Brief = "SecurityRequirements.Brief";

    public const string BriefFileName = "security-requirements.brief.md";
    public const string JsonSuffix = ".security-attestation.json";
    public const string HtmlSuffix = ".security-attestation.html";
    public const string InTotoSuffix = ".security-attestation.intoto.json";
}
