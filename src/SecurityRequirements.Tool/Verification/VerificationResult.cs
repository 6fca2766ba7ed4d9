namespace SecurityRequirements.Tool.Verification;

/// <summary>The outcome of verify: the controls it required, and every finding (none: passed).</summary>
internal sealed record VerificationResult(IReadOnlyList<string> Required, IReadOnlyList<VerificationFinding> Findings)
{
    public bool Passed => Findings.Count == 0;
}
