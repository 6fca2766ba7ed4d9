namespace SecurityRequirements.Attestation.Tests;

/// <summary>The one metadata reader of the task and the tool, on assemblies compiled here.</summary>
public class MetadataReaderTests
{
    [Fact]
    public void ReadsEveryEntry_AndHashesTheFileBytes()
    {
        var manifest = Manifests.V1();
        var image = TestAssembly.WithManifest(manifest);

        var attestation = AttestationMetadataReader.Read("App.dll", image);

        Assert.True(attestation.HasAttestation);
        Assert.Equal(manifest, attestation.Manifest);
        Assert.Equal(Sha256Hex.OfText(manifest), attestation.ManifestSha256);
        Assert.Equal(new string('0', 64), attestation.RequirementsSha256);
        Assert.Null(attestation.Brief);
        Assert.Null(attestation.IntegrityError);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(image)).ToLowerInvariant(), attestation.Sha256);
        Assert.Equal("App.dll", attestation.FileName);
    }

    [Fact]
    public void AlteredManifest_IsNotIntact()
    {
        var attestation = AttestationMetadataReader.Read("App.dll", TestAssembly.WithManifest(Manifests.V1(), recordedSha256: new string('a', 64)));

        Assert.StartsWith("the manifest's SHA-256 is ", attestation.IntegrityError, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyWithoutAttestation_HasNone_AndTheBriefIsRead()
    {
        var plain = AttestationMetadataReader.Read("Plain.dll", TestAssembly.Compile("Plain", new Dictionary<string, string> { ["Other"] = "x" }));
        var brief = AttestationMetadataReader.Read("Brief.dll", TestAssembly.Compile("Brief", new Dictionary<string, string> { [AttestationKeys.Brief] = "# Brief\n" }));

        Assert.False(plain.HasAttestation);
        Assert.Null(plain.IntegrityError);
        Assert.Equal("# Brief\n", brief.Brief);
    }

    [Fact]
    public void NotAnAssembly_IsABadImageFormatException()
    {
        Assert.Throws<BadImageFormatException>(() => AttestationMetadataReader.Read("notes.txt", "not a PE file"u8.ToArray()));
    }
}
