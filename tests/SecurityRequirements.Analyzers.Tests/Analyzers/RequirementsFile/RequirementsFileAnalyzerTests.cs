using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.RequirementsFile.RequirementsFileAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.RequirementsFile;

public class RequirementsFileAnalyzerTests
{
    private const string Source = "class C { }";

    private static DiagnosticResult Expect(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int marker, params object[] arguments) =>
        Verify.Diagnostic(descriptor).WithLocation(marker).WithArguments(arguments);

    [Fact]
    public async Task PlainPolicyFileFromDesign_ReportsNothing()
    {
        var yaml = """
            version: "2.0"
            controls:
              - id: "SEC-001"
                name: "Encryption at Rest"
                requirement: "All sensitive data must be encrypted using AES-256-GCM"
                implementation: |
                  from cryptography.hazmat.primitives.ciphers.aead import AESGCM
                  key = AESGCM.generate_key(bit_length=256)
                verification: "grep -r 'AESGCM' --include='.py'"
              - id: "SEC-002"
                name: "API Authentication"
                requirement: "Implement OAuth 2.0 with PKCE"
                implementation: |
                  from oauthlib.oauth2 import BackendApplicationServer
                  server = BackendApplicationServer()
                verification: "grep -r 'oauthlib' --include='.py'"
              - id: "SEC-003"
                name: "Audit Logging"
                requirement: "Log all access to PII with full context"
                implementation: |
                  import logging
                  logging.info(f"PII access: user={user_id}, action={action}, ip={ip}")
                verification: "grep -r 'logging.info.PII' --include='.py'"
            """;

        await Verify.VerifyAsync(Source, yaml);
    }

    [Fact]
    public async Task FullExtendedFormatFromDesign_ReportsNothing()
    {
        var yaml = """
            version: "2.0"
            controls:
              - id: SEC-001
                name: Encryption at Rest
                requirement: All sensitive data must be encrypted using AES-256-GCM
                check: encryption
                severity: error
                parameters:
                  algorithms: [AES-256-GCM]
                  min_key_bits: 256
                  key_rotation_days: 90
                  key_storage: hsm
              - id: SEC-002
                name: API Authentication
                requirement: Implement OAuth 2.0 with PKCE
                check: oauth-pkce
                parameters:
                  code_challenge_method: S256
                  access_token_lifetime: 15m
                  refresh_token_lifetime: 7d
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_attributes: [PersonalData, ProtectedPersonalData]
                  pii_members: ["*.Email", "*.Ssn"]
                  audit_methods: ["Microsoft.Extensions.Logging.LoggerExtensions.Log*"]
                  audit_fields: [UserId, Action, IpAddress]
                  retention_days: 365
              - id: SEC-004
                name: No direct queries on the users table
                requirement: Use the UserRepository; never query users directly
                check: banned
                parameters:
                  symbols: ["T:System.Security.Cryptography.MD5"]
                  patterns: ['(?i)\bselect\b.+\bfrom\s+users\b']
            exceptions:
              - control: SEC-001
                symbol: "M:Legacy.Crypto.DecryptV1(System.Byte[])"
                justification: decrypt-only path for migrating old records
                approved_by: security-team
                expires: 2027-03-31
            """;

        await Verify.VerifyAsync(Source, yaml);
    }

    [Fact]
    public async Task SyntaxError_ReportsSRA0001AtPosition()
    {
        var yaml = "controls:\n  - id: A\n    requirement: x\n    name: {|#0:|}[unclosed\n";
        var test = Verify.Create(Source, yaml);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.YamlSyntaxError).WithSpan(Verify.RequirementsPath, 5, 1, 5, 1)
            .WithArguments("While parsing a flow sequence, did not find expected ',' or ']'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnknownKeyInControl_ReportsSRA0003AtKey()
    {
        var yaml = """
            controls:
              - id: SEC-1
                requirement: No MD5
                {|#0:chek|}: banned
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.UnknownKey, 0, "chek", "a control", "id, name, requirement, implementation, verification, check, severity, parameters"));
    }

    [Fact]
    public async Task UnknownTopLevelKeyAndParameter_ReportSRA0003()
    {
        var yaml = """
            version: 2
            {|#0:owner|}: security
            controls:
              - id: SEC-1
                requirement: Encrypt with AES-256-GCM
                parameters:
                  {|#1:min_key_size|}: 256
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.UnknownKey, 0, "owner", "the requirements file", "version, controls, exceptions"),
            Expect(DiagnosticDescriptors.UnknownKey, 1, "min_key_size", "the parameters of a 'encryption' control", "algorithms, min_key_bits, key_rotation_days, key_storage, forbid_weak_hashes, forbid_system_random, skip_generated_code"));
    }

    [Fact]
    public async Task WrongNodeTypes_ReportSRA0002()
    {
        var yaml = """
            controls:
              - id: {|#3:SEC-1|}
                requirement: {|#0:[a, b]|}
              - {|#1:just a string|}
            exceptions: {|#2:nope|}
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.MissingRequiredKey, 3, "Control 'SEC-1'", "'requirement'"),
            Expect(DiagnosticDescriptors.WrongNodeType, 0, "requirement", "a single value", "a list"),
            Expect(DiagnosticDescriptors.WrongNodeType, 1, "Each control", "a mapping with 'id' and 'requirement'", "a single value"),
            Expect(DiagnosticDescriptors.WrongNodeType, 2, "exceptions", "a list of waivers", "a single value"));
    }

    [Fact]
    public async Task UnknownCheckAndSeverity_ReportSRA0004AndSRA0006()
    {
        var yaml = """
            controls:
              - id: SEC-1
                requirement: No MD5
                check: {|#0:aes|}
                severity: {|#1:critical|}
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.UnknownCheck, 0, "SEC-1", "aes", "encryption, oauth-pkce, pii-audit, banned"),
            Expect(DiagnosticDescriptors.InvalidSeverity, 1, "critical"));
    }

    [Fact]
    public async Task DuplicateControlId_ReportsSRA0005WithFirstLocation()
    {
        var yaml = """
            controls:
              - id: {|#1:SEC-1|}
                requirement: a
              - id: {|#0:SEC-1|}
                requirement: b
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.DuplicateControlId, 0, "SEC-1").WithLocation(1));
    }

    [Fact]
    public async Task BadDurationRegexSymbolGlob_AreReported()
    {
        var yaml = """
            controls:
              - id: SEC-2
                requirement: Implement OAuth 2.0 with PKCE
                parameters:
                  access_token_lifetime: {|#0:15|}
                  refresh_token_lifetime: {|#1:P7X|}
              - id: SEC-4
                requirement: No bans
                check: banned
                parameters:
                  symbols: [{|#2:"System.MD5"|}]
                  patterns: [{|#3:"(unclosed"|}]
            exceptions:
              - control: SEC-4
                path: {|#4:"src/***/x.cs"|}
                justification: legacy
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.InvalidDuration, 0, "15", "access_token_lifetime"),
            Expect(DiagnosticDescriptors.InvalidDuration, 1, "P7X", "refresh_token_lifetime"),
            Expect(DiagnosticDescriptors.InvalidSymbolId, 2, "System.MD5"),
            Expect(DiagnosticDescriptors.InvalidRegex, 3, "(unclosed", "Invalid pattern '(unclosed' at offset 9. Not enough )'s"),
            Expect(DiagnosticDescriptors.InvalidGlob, 4, "src/***/x.cs", "'***' is not a wildcard; use '*' within a segment or '**' across segments"));
    }

    [Fact]
    public async Task WaiverProblems_AreReported()
    {
        var yaml = """
            controls:
              - id: SEC-4
                requirement: No MD5
                check: banned
            exceptions:
              - control: {|#0:SEC-9|}
                namespace: Legacy
                justification: unknown control
                approved_by: security-team
                expires: 2026-12-31
              - control: SEC-4
                namespace: Legacy
                justification: expired
                approved_by: security-team
                expires: {|#1:2026-05-31|}
              - control: SEC-4
                namespace: Legacy
                justification: still valid today
                approved_by: security-team
                expires: 2026-06-01
              - control: {|#2:SEC-4|}
                namespace: Legacy
              - control: SEC-4
                namespace: Legacy
                justification: bad date
                expires: {|#3:31/12/2026|}
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.WaiverUnknownControl, 0, "SEC-9"),
            Expect(DiagnosticDescriptors.WaiverExpired, 1, "SEC-4", "2026-05-31", "2026-06-01"),
            Expect(DiagnosticDescriptors.MissingRequiredKey, 2, "Waiver of 'SEC-4'", "'justification'"),
            Expect(DiagnosticDescriptors.InvalidParameterValue, 3, "31/12/2026", "expires", "write the last day the waiver applies as yyyy-MM-dd"));
    }

    [Fact]
    public async Task OpenEndedAndUnapprovedWaivers_ReportSRA0022AndSRA0023()
    {
        var yaml = """
            controls:
              - id: SEC-4
                requirement: No MD5
                check: banned
            exceptions:
              - control: {|#0:SEC-4|}
                namespace: Legacy
                justification: no expiry
                approved_by: security-team
              - control: SEC-4
                namespace: Legacy
                justification: too far ahead
                approved_by: security-team
                expires: {|#1:2027-06-02|}
              - control: SEC-4
                namespace: Legacy
                justification: exactly a year is fine
                approved_by: security-team
                expires: 2027-06-01
              - control: {|#2:SEC-4|}
                namespace: Legacy
                justification: nobody approved it
                expires: 2026-12-31
              - control: {|#3:SEC-4|}
                namespace: Legacy
                justification: blank approver
                approved_by: " "
                expires: 2026-12-31
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.WaiverOpenEnded, 0, "SEC-4", "has no expiry date", "2027-06-01"),
            Expect(DiagnosticDescriptors.WaiverOpenEnded, 1, "SEC-4", "expires on 2027-06-02, more than a year after 2026-06-01", "2027-06-01"),
            Expect(DiagnosticDescriptors.WaiverUnapproved, 2, "SEC-4"),
            Expect(DiagnosticDescriptors.WaiverUnapproved, 3, "SEC-4"));
    }

    [Fact]
    public async Task WaiversCoveringTheWholeProject_ReportSRA0021()
    {
        const string source = """
            namespace App.Web { class A { } }
            namespace App.Data { class B { } }
            """;
        var yaml = """
            controls:
              - id: SEC-4
                requirement: No MD5
                check: banned
            exceptions:
              - control: SEC-4
                path: {|#0:"**"|}
                justification: everything
                approved_by: security-team
                expires: 2026-12-31
              - control: SEC-4
                namespace: {|#1:App|}
                justification: the root namespace holds every type
                approved_by: security-team
                expires: 2026-12-31
              - control: SEC-4
                symbol: {|#2:"N:App"|}
                justification: the root namespace as a symbol
                approved_by: security-team
                expires: 2026-12-31
              - control: SEC-4
                namespace: App.Web
                justification: one part only
                approved_by: security-team
                expires: 2026-12-31
              - control: SEC-4
                path: "src/**"
                justification: the test file is not under src
                approved_by: security-team
                expires: 2026-12-31
            """;

        await Verify.VerifyAsync(source, yaml,
            Expect(DiagnosticDescriptors.WaiverProjectWide, 0, "SEC-4", "path: **", "source file"),
            Expect(DiagnosticDescriptors.WaiverProjectWide, 1, "SEC-4", "namespace: App", "type"),
            Expect(DiagnosticDescriptors.WaiverProjectWide, 2, "SEC-4", "symbol: N:App", "type"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n")]
    [InlineData("# only a comment")]
    public async Task BlankFile_ReportsSRA0020_AndTheBaselineApplies(string yaml)
    {
        var test = Verify.Create(Source, yaml);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.RequirementsFileUnusable).WithSpan(Verify.RequirementsPath, 1, 1, 1, 1)
            .WithArguments(Verify.RequirementsPath, "is empty"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("directory", "is a directory")]
    public async Task NamedFileTheBuildCouldNotUse_ReportsSRA0020(string state, string reason)
    {
        const string named = "/repo/policy/security_requirements.yaml";
        var test = Verify.Create(Source, yaml: null);
        test.TestState.AnalyzerConfigFiles.Add(("/build.globalconfig", $"is_global = true\nbuild_property.SecurityRequirementsFile = {named}\nbuild_property.SecurityRequirementsFileState = {state}\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.RequirementsFileUnusable).WithSpan(named, 1, 1, 1, 1).WithArguments(named, reason));
        await test.RunAsync();
    }

    [Fact]
    public async Task DuplicateKey_ReportsSRA0017()
    {
        var yaml = """
            controls:
              - id: SEC-4
                requirement: No MD5
                {|#0:requirement|}: again
            """;

        await Verify.VerifyAsync(Source, yaml, Expect(DiagnosticDescriptors.DuplicateKey, 0, "requirement"));
    }

    [Fact]
    public async Task InvalidParameterValues_ReportSRA0016()
    {
        var yaml = """
            controls:
              - id: SEC-1
                requirement: AES-256-GCM
                check: encryption
                parameters:
                  algorithms: [{|#0:AES-256-CBC|}]
                  min_key_bits: {|#1:100|}
              - id: SEC-2
                requirement: PKCE
                check: oauth-pkce
                parameters:
                  code_challenge_method: {|#2:plain|}
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.InvalidParameterValue, 0, "AES-256-CBC", "algorithms", "list one or more of AES-256-GCM, AES-192-GCM, AES-128-GCM, ChaCha20-Poly1305"),
            Expect(DiagnosticDescriptors.InvalidParameterValue, 1, "100", "min_key_bits", "write one of 128, 192, 256"),
            Expect(DiagnosticDescriptors.InvalidParameterValue, 2, "plain", "code_challenge_method", "only S256 is accepted: the plain method sends the verifier itself and does not protect the code"));
    }

    [Fact]
    public async Task ControlsKeyWithoutControls_ReportsMissingControls()
    {
        var test = Verify.Create(Source, "version: \"2.0\"\n");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.MissingRequiredKey).WithSpan(Verify.RequirementsPath, 1, 1, 1, 8)
            .WithArguments("The requirements file", "'controls'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoFile_ReportsNothing()
    {
        await Verify.VerifyAsync(Source, yaml: null);
    }

    [Fact]
    public async Task DuplicateIdAcrossFiles_ReportedInSecondFileByPath()
    {
        var test = Verify.Create(Source, yaml: null);
        test.TestState.AdditionalFiles.Add(("/a/security_requirements.yaml", "controls:\n  - id: SEC-1\n    requirement: a\n"));
        test.TestState.AdditionalFiles.Add(("/b/security_requirements.yaml", "controls:\n  - id: SEC-1\n    requirement: b\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.DuplicateControlId)
            .WithSpan("/b/security_requirements.yaml", 2, 9, 2, 14)
            .WithSpan("/a/security_requirements.yaml", 2, 9, 2, 14)
            .WithArguments("SEC-1"));
        await test.RunAsync();
    }
    [Fact]
    public async Task ControlIdsOutsideTheSafeShape_ReportSRA0018AtTheIdAndTheControlIsIgnored()
    {
        var yaml = """
            controls:
              - id: {|#0:"SEC-003\n#error injected"|}
                requirement: Log all access to PII
              - id: {|#1:"SEC */ class X { } /*"|}
                requirement: a
              - id: {|#2:'<script>alert(1)</script>'|}
                requirement: b
              - id: {|#3:"SEC-`rm -rf`"|}
                requirement: c
              - id: {|#4:SEC-0001-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|}
                requirement: d
              - id: {|#5:"SEC-\"1"|}
                requirement: e
              - id: {|#6:"SÉC-1"|}
                requirement: f
              - id: SEC-001
                requirement: kept
              - id: a.b_c-D9
                requirement: kept too
              - id: SEC-000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                requirement: 64 characters, kept
            """;

        await Verify.VerifyAsync(Source, yaml,
            Expect(DiagnosticDescriptors.InvalidControlId, 0, "SEC-003\\u000A#error injected", "contains a line break"),
            Expect(DiagnosticDescriptors.InvalidControlId, 1, "SEC */ class X { } /*", "contains white space"),
            Expect(DiagnosticDescriptors.InvalidControlId, 2, "<script>alert(1)</script>", "contains '<'"),
            Expect(DiagnosticDescriptors.InvalidControlId, 3, "SEC-`rm -rf`", "contains '`'"),
            Expect(DiagnosticDescriptors.InvalidControlId, 4, "SEC-0001-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…", "is 65 characters long"),
            Expect(DiagnosticDescriptors.InvalidControlId, 5, "SEC-\"1", "contains '\"'"),
            Expect(DiagnosticDescriptors.InvalidControlId, 6, "SÉC-1", "contains 'É'"));

        var parsed = SecurityRequirements.Analyzers.Configuration.RequirementsParser.Parse(Microsoft.CodeAnalysis.Text.SourceText.From(yaml.Replace("{|#0:", "").Replace("{|#1:", "").Replace("{|#2:", "").Replace("{|#3:", "").Replace("{|#4:", "").Replace("{|#5:", "").Replace("{|#6:", "").Replace("|}", "")));
        Assert.Equal(["SEC-001", "a.b_c-D9", "SEC-000-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], parsed.Controls.Select(c => c.Id));
    }
}
