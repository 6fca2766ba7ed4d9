using System.Globalization;
using SecurityRequirements.Attestation;

namespace SecurityRequirements.Tool.Verification;

/// <summary>
/// The CI gate: checks a read, intact attestation against the policy. Fails when the policy file is
/// not the one the build attested, a required control is not vouched for at error, a waiver the build
/// applied has expired since, the attestation says (or does not say otherwise) that it is partial, or
/// an exported report is not about this assembly. Where the manifest is silent, it claims less.
/// </summary>
internal static class AttestationVerifier
{
    /// <summary>Statuses that mean the build lowered or narrowed a control, which may have been at error in the YAML.</summary>
    private static readonly HashSet<string> WeakenedStatuses = new(StringComparer.Ordinal) { "partial", "weakened", "not-enforced" };

    public static VerificationResult Verify(AssemblyAttestation attestation, AttestationManifest manifest, VerificationRequest request)
    {
        var findings = new List<VerificationFinding>();
        CheckPolicies(manifest, request.Policies, findings);

        var required = RequiredControls(manifest, request);
        var controls = new Dictionary<string, ManifestControl>(StringComparer.Ordinal);
        foreach (var control in manifest.Controls)
        {
            controls.TryAdd(control.Id, control);
        }

        foreach (var id in required)
        {
            if (!controls.TryGetValue(id, out var control))
            {
                findings.Add(new(FindingCodes.RequiredMissing, id, "the control is required at error but the attestation does not list it; the build did not read a requirements file that defines it"));
            }
            else if (!control.Vouched || !string.Equals(control.Severity, "error", StringComparison.Ordinal))
            {
                findings.Add(new(FindingCodes.NotVouched, id, NotVouchedMessage(control)));
            }
        }

        foreach (var waiver in manifest.Waivers)
        {
            if (waiver.Active && !waiver.OpenEnded
                && DateOnly.TryParseExact(waiver.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
                && expires < request.Today)
            {
                findings.Add(new(FindingCodes.WaiverExpired, waiver.Control,
                    $"the waiver for {waiver.Scope} expired on {waiver.Expires}, but the build applied it (it ran before then); rebuild so that the expired waiver no longer hides violations"));
            }
        }

        if (manifest.Partial is not false)
        {
            findings.Add(new(FindingCodes.Partial, null, manifest.Partial is true
                ? "the attestation says it is partial: the build did not apply the controls to all of its code or with all of their rules"
                : $"the attestation (schema {manifest.SchemaVersion}) does not say whether it is complete, so it is read as partial"));
        }

        if (request.Report is { } report)
        {
            CheckReport(attestation, report.Path, report.Text, findings);
        }

        return new VerificationResult(required, findings);
    }

    /// <summary>
    /// Every control that must be vouched for at error: the policy's error controls (first definition
    /// of an id wins, in path order, as in the build) and --require-error. Without a policy, the
    /// manifest's error controls and every control the build weakened, whose YAML severity it cannot see.
    /// </summary>
    public static IReadOnlyList<string> RequiredControls(AttestationManifest manifest, VerificationRequest request)
    {
        var required = new SortedSet<string>(StringComparer.Ordinal);
        if (request.Policies.Count > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var policy in request.Policies.OrderBy(p => Path.GetFullPath(p.Path), StringComparer.Ordinal))
            {
                foreach (var (id, severity) in policy.Controls)
                {
                    if (seen.Add(id) && severity == "error")
                    {
                        required.Add(id);
                    }
                }
            }
        }
        else
        {
            foreach (var control in manifest.Controls)
            {
                if (control.Severity == "error" || (control.Status is { } status && WeakenedStatuses.Contains(status)))
                {
                    required.Add(control.Id);
                }
            }
        }

        foreach (var id in request.RequireError)
        {
            required.Add(id);
        }

        return [.. required];
    }

    private static void CheckPolicies(AttestationManifest manifest, IReadOnlyList<PolicyFile> policies, List<VerificationFinding> findings)
    {
        var baseline = string.Equals(manifest.RequirementsSource, "baseline", StringComparison.Ordinal);
        foreach (var policy in policies)
        {
            if (baseline)
            {
                findings.Add(new(FindingCodes.PolicyMismatch, null,
                    $"{policy.Path} (SHA-256 {policy.Sha256}) was not read by the build: it used the built-in baseline because the project had no requirements file"));
                continue;
            }

            if (manifest.RequirementsFiles.Any(f => string.Equals(f.Sha256, policy.Sha256, StringComparison.Ordinal)))
            {
                continue;
            }

            var attested = string.Join(", ", manifest.RequirementsFiles.Select(f => $"{f.File ?? "baseline"} {f.Sha256}"));
            findings.Add(new(FindingCodes.PolicyMismatch, null,
                $"{policy.Path} has SHA-256 {policy.Sha256}, but the build attested {attested}: the assembly was built against a different version of the policy"));
        }
    }

    private static void CheckReport(AssemblyAttestation attestation, string path, string text, List<VerificationFinding> findings)
    {
        (string? AssemblySha256, string Manifest) report;
        try
        {
            report = EvidenceJson.Read(text);
        }
        catch (FormatException e)
        {
            findings.Add(new(FindingCodes.ReportMismatch, null, $"{path} is not a JSON attestation: {e.Message}"));
            return;
        }

        if (report.AssemblySha256 is null)
        {
            findings.Add(new(FindingCodes.ReportMismatch, null, $"{path} names no assembly SHA-256, so it cannot be tied to {attestation.FileName}"));
        }
        else if (!string.Equals(report.AssemblySha256, attestation.Sha256, StringComparison.Ordinal))
        {
            findings.Add(new(FindingCodes.ReportMismatch, null, $"{path} is about an assembly with SHA-256 {report.AssemblySha256}, but {attestation.FileName} has SHA-256 {attestation.Sha256}"));
        }

        if (!string.Equals(report.Manifest, attestation.Manifest, StringComparison.Ordinal))
        {
            findings.Add(new(FindingCodes.ReportMismatch, null, $"{path} does not carry the manifest embedded in {attestation.FileName}: it was edited, or written for another build"));
        }
    }

    private static string NotVouchedMessage(ManifestControl control)
    {
        var message = $"required at error, but the attestation does not vouch for it (status {control.Status ?? "missing"}, severity {control.Severity ?? "missing"})";
        if (control.StatusReasons.Count > 0)
        {
            message += ": " + string.Join("; ", control.StatusReasons);
        }
        else if (control.Status == "not-compiler-verified")
        {
            message += ": no compiler check covers it";
        }
        else if (control.Severity is "warning" or "info")
        {
            message += ": its violations are reported but do not fail the build";
        }

        return message;
    }
}
