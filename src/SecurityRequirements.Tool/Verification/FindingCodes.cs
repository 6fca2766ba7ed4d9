namespace SecurityRequirements.Tool.Verification;

/// <summary>The codes of <see cref="VerificationFinding"/>s (documented in docs/attestation.md).</summary>
internal static class FindingCodes
{
    public const string NoAttestation = "no-attestation";
    public const string NotIntact = "not-intact";
    public const string PolicyMismatch = "policy-mismatch";
    public const string NotVouched = "not-vouched";
    public const string RequiredMissing = "required-missing";
    public const string WaiverExpired = "waiver-expired";
    public const string Partial = "partial";
    public const string ReportMismatch = "report-mismatch";
}
