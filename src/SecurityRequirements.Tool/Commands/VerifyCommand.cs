using System.Globalization;
using SecurityRequirements.Attestation.Json;
using SecurityRequirements.Tool.CommandLine;
using SecurityRequirements.Tool.Verification;

namespace SecurityRequirements.Tool.Commands;

/// <summary><c>sra verify &lt;assembly&gt;</c>: the CI gate over a built assembly's attestation (see <see cref="AttestationVerifier"/>).</summary>
internal sealed class VerifyCommand : ToolCommand
{
    private const string Policy = "--policy";
    private const string RequireError = "--require-error";
    private const string Today = "--today";
    private const string Report = "--report";
    private const string Json = "--json";

    public override string Name => "verify";

    public override string Summary => "Check a built assembly's attestation against the policy; a CI gate that fails on any finding.";

    public override string ArgumentsSynopsis => "<assembly>";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Policy, "file", "the security_requirements.yaml the build must have read (repeat for several); its error controls are required", Repeatable: true),
        new(RequireError, "ids", "controls that must also be vouched for at error, comma-separated (e.g. SEC-001,SEC-002)", Repeatable: true),
        new(Today, "yyyy-MM-dd", "the date waivers are judged on (default: today, UTC)"),
        new(Report, "file", "an exported .security-attestation.json that must be about this assembly"),
        new(Json, null, "print the result as JSON instead of lines"),
    ];

    public override string Details => """
        Fails when: the assembly carries no attestation (exit 3) or an altered one (exit 4); or, exit 5, when
          policy-mismatch   a --policy file's SHA-256 is not one the build attested;
          not-vouched       a required control is not vouched for at error (severity lowered, warning-level,
                            not compiler-verified, disabled, or weakened by a build setting);
          required-missing  a required control is not in the attestation at all;
          waiver-expired    a waiver the build applied has expired by --today;
          partial           the attestation says it is partial (or, schema 2 on, does not say it is complete);
          report-mismatch   the --report file names another assembly's SHA-256 or another manifest.
        Required: every control whose YAML severity is error (from --policy), plus --require-error. Without
        --policy, the attestation's error controls and every control the build weakened.
        One line per finding (FAIL <code> [control]: <why>), then a summary line.

        Exit codes: 0 passed, 1 usage, 2 unreadable input, 3 no attestation, 4 attestation not intact, 5 failed.
        """;

    public override async Task<int> RunAsync(ParsedArguments arguments, ToolConsole console, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (arguments.Value(Today) is { } todayText
            && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            throw new UsageException($"{Today} takes a date as yyyy-MM-dd, not '{todayText}'.");
        }

        var requireError = arguments.Values(RequireError)
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

        var assemblyPath = arguments.Positionals[0];
        var policies = new List<PolicyFile>();
        (string, string)? report = null;
        try
        {
            foreach (var path in arguments.Values(Policy))
            {
                policies.Add(PolicyFile.Read(path));
            }

            if (arguments.Value(Report) is { } reportPath)
            {
                report = (reportPath, await File.ReadAllTextAsync(reportPath, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"sra verify: cannot read an input file: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreadable;
        }

        var input = AssemblyInput.Read(assemblyPath);
        if (input.Problem is not null)
        {
            if (input.ExitCode == ExitCodes.Unreadable)
            {
                await console.Error.WriteLineAsync($"sra verify: {input.Problem}.").ConfigureAwait(false);
                return input.ExitCode;
            }

            var code = input.ExitCode == ExitCodes.NoAttestation ? FindingCodes.NoAttestation : FindingCodes.NotIntact;
            var failed = new VerificationResult(requireError, [new VerificationFinding(code, null, input.Problem)]);
            await WriteAsync(console, arguments.Has(Json), assemblyPath, input, failed, today).ConfigureAwait(false);
            return input.ExitCode;
        }

        var result = AttestationVerifier.Verify(input.Attestation!, input.Manifest!, new VerificationRequest(policies, requireError, today, report));
        await WriteAsync(console, arguments.Has(Json), assemblyPath, input, result, today).ConfigureAwait(false);
        return result.Passed ? ExitCodes.Success : ExitCodes.VerificationFailed;
    }

    private static async Task WriteAsync(ToolConsole console, bool json, string assemblyPath, AssemblyInput input, VerificationResult result, DateOnly today)
    {
        var sha256 = input.Attestation?.Sha256;
        if (json)
        {
            var findings = new JsonArray();
            foreach (var finding in result.Findings)
            {
                var entry = new JsonObject();
                entry.Add("code", finding.Code);
                entry.Add("control", finding.Control);
                entry.Add("message", finding.Message);
                findings.Add(entry);
            }

            var required = new JsonArray();
            required.AddRange(result.Required);
            var root = new JsonObject();
            root.Add("assembly", assemblyPath);
            root.Add("assemblySha256", sha256);
            root.Add("findings", findings);
            root.Add("passed", result.Passed);
            root.Add("required", required);
            root.Add("sourceRevision", input.Manifest?.SourceRevision);
            root.Add("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            console.WriteExact(JsonWriter.Write(root));
            return;
        }

        foreach (var finding in result.Findings)
        {
            await console.Out.WriteLineAsync(finding.ToString()).ConfigureAwait(false);
        }

        var subject = sha256 is null ? assemblyPath : $"{assemblyPath} (SHA-256 {sha256})";
        await console.Out.WriteLineAsync(result.Passed
            ? $"verify: passed: {subject}; {result.Required.Count} required control(s) vouched for at error{(result.Required.Count == 0 ? string.Empty : ": " + string.Join(", ", result.Required))}"
            : $"verify: FAILED: {subject}; {result.Findings.Count} finding(s)").ConfigureAwait(false);
    }
}
