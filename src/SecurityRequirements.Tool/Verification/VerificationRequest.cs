namespace SecurityRequirements.Tool.Verification;

/// <summary>What to check an attestation against.</summary>
/// <param name="Policies">The requirements files the build should have read (--policy).</param>
/// <param name="RequireError">Control ids that must be vouched for at error besides the policy's own (--require-error).</param>
/// <param name="Today">The date waivers are judged on (--today, default the UTC date).</param>
/// <param name="Report">An exported .security-attestation.json to tie to the assembly (--report): its path and text.</param>
internal sealed record VerificationRequest(
    IReadOnlyList<PolicyFile> Policies,
    IReadOnlyList<string> RequireError,
    DateOnly Today,
    (string Path, string Text)? Report);
