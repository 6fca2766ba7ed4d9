using SecurityRequirements.Tool.Verification;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>verify's rules on schema 1 and schema 2 manifests: each failure alone, and a clean pass.</summary>
public class VerifierTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static PolicyFile Policy(string yaml = Manifests.PolicyYaml, string path = "security_requirements.yaml") =>
        new(path, Sha256Hex.OfText(yaml), [("SEC-001", "error"), ("SEC-002", "warning")]);

    private static VerificationResult Verify(string manifest, IReadOnlyList<PolicyFile>? policies = null, IReadOnlyList<string>? requireError = null, DateOnly? today = null, (string, string)? report = null)
    {
        var attestation = AttestationMetadataReader.Read("App.dll", TestAssembly.WithManifest(manifest));
        return AttestationVerifier.Verify(attestation, AttestationManifest.Parse(manifest), new VerificationRequest(policies ?? [Policy()], requireError ?? [], today ?? Today, report));
    }

    [Fact]
    public void Schema1_VouchedErrorControls_MatchingPolicy_ActiveWaiver_Passes()
    {
        var result = Verify(Manifests.V1());

        Assert.True(result.Passed, string.Join("\n", result.Findings));
        Assert.Equal(["SEC-001"], result.Required);
    }

    [Fact]
    public void PolicyWithOtherBytes_IsAMismatch()
    {
        var result = Verify(Manifests.V1(), policies: [Policy(Manifests.PolicyYaml + "# edited\n")]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.PolicyMismatch, finding.Code);
        Assert.Contains("security_requirements.yaml " + Manifests.PolicySha256, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorControlLoweredByTheBuild_IsNotVouched()
    {
        var result = Verify(Manifests.V1(sec001Severity: "warning"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.NotVouched, "SEC-001"), (finding.Code, finding.Control));
        Assert.Equal("FAIL not-vouched SEC-001: required at error, but the attestation does not vouch for it (status enforced, severity warning): its violations are reported but do not fail the build", finding.ToString());
    }

    [Fact]
    public void RequireError_AddsControls_AndAnUnknownOneIsMissing()
    {
        var result = Verify(Manifests.V1(), requireError: ["SEC-002", "SEC-404"]);

        Assert.Equal(["SEC-001", "SEC-002", "SEC-404"], result.Required);
        Assert.Equal([(FindingCodes.NotVouched, "SEC-002"), (FindingCodes.RequiredMissing, "SEC-404")], result.Findings.Select(f => (f.Code, f.Control)));
    }

    [Fact]
    public void WithoutPolicy_TheAttestationsErrorControlsAndWeakenedOnesAreRequired()
    {
        Assert.Equal(["SEC-001"], Verify(Manifests.V1(), policies: []).Required);
        var weakened = Verify(Manifests.V2(sec001Vouched: false, sec001Status: "weakened"), policies: []);

        Assert.Equal(["SEC-001"], weakened.Required);
        Assert.Contains(weakened.Findings, f => f.Code == FindingCodes.NotVouched && f.Message.EndsWith("Generated files are excluded from analysis <gen>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2027-03-31", "2027-03-31", true)]
    [InlineData("2027-03-31", "2027-04-01", false)]
    public void ActiveWaiver_FailsTheDayAfterItExpires(string expires, string today, bool passes)
    {
        var result = Verify(Manifests.V1(waiverExpires: expires), today: DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(passes, result.Passed);
        if (!passes)
        {
            var finding = Assert.Single(result.Findings);
            Assert.Equal((FindingCodes.WaiverExpired, "SEC-001"), (finding.Code, finding.Control));
        }
    }

    [Fact]
    public void Schema2_ExpiredWaiver_Fails_OpenEndedDoesNot()
    {
        Assert.Equal([FindingCodes.WaiverExpired], Verify(Manifests.V2()).Findings.Select(f => f.Code));
        Assert.True(Verify(Manifests.V2(openEnded: true)).Passed);
    }

    [Theory]
    [InlineData(true, "says it is partial")]
    [InlineData(null, "does not say whether it is complete")]
    public void Schema2_PartialOrSilent_Fails(bool? partial, string expected)
    {
        var result = Verify(Manifests.V2(partial: partial, openEnded: true));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.Partial, finding.Code);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema2_VouchedFalse_Fails_EvenAtError()
    {
        var result = Verify(Manifests.V2(sec001Vouched: false, openEnded: true));

        Assert.Equal([(FindingCodes.NotVouched, "SEC-001")], result.Findings.Select(f => (f.Code, f.Control)));
    }

    [Fact]
    public void Report_MustNameThisAssembly_AndCarryItsManifest()
    {
        var manifest = Manifests.V1();
        var attestation = AttestationMetadataReader.Read("App.dll", TestAssembly.WithManifest(manifest));
        var parsed = AttestationManifest.Parse(manifest);
        var own = EvidenceJson.Write(parsed, attestation.Sha256);
        var other = EvidenceJson.Write(parsed, new string('b', 64));
        var edited = own.Replace("decrypt-only path", "any path", StringComparison.Ordinal);

        Assert.True(Verify(manifest, report: ("own.json", own)).Passed);
        Assert.Equal([FindingCodes.ReportMismatch], Verify(manifest, report: ("other.json", other)).Findings.Select(f => f.Code));
        Assert.Contains("does not carry the manifest", Assert.Single(Verify(manifest, report: ("edited.json", edited)).Findings).Message, StringComparison.Ordinal);
        Assert.Contains("names no assembly SHA-256", Assert.Single(Verify(manifest, report: ("bare.json", manifest)).Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineBuild_DoesNotMatchAnyPolicyFile()
    {
        var manifest = Manifests.V1().Replace("\"source\": \"file\"", "\"source\": \"baseline\"", StringComparison.Ordinal);

        Assert.Contains(Verify(manifest).Findings, f => f.Code == FindingCodes.PolicyMismatch && f.Message.Contains("built-in baseline", StringComparison.Ordinal));
    }
}
