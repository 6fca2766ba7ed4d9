namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What the attestation says about one control.</summary>
/// <remarks>
/// <para><c>Severity</c>: the weakest severity any of its rules ends up with in any file (error, warning, info, none).</para>
/// <para><c>Status</c>: enforced, partial, weakened, not-enforced, not-compiler-verified or disabled (see <see cref="ControlStatus"/>).</para>
/// <para><c>Reasons</c>: why the status is not plainly "enforced", in plain words, sorted; empty when it is.</para>
/// <para><c>Vouched</c>: the verdict guarantees the control: enforced at error everywhere, so any violation fails the build.</para>
/// </remarks>
internal sealed record ControlAssessment(string Severity, string Status, System.Collections.Generic.IReadOnlyList<string> Reasons, bool Vouched);
