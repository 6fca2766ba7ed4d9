using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using static SecurityRequirements.Analyzers.PackageTests.Soundness.PlantedViolations;

namespace SecurityRequirements.Analyzers.PackageTests.Soundness;

/// <summary>
/// The reference list of what the attestation can and cannot see. docs/attestation.md repeats each case's switch and
/// what is seen (a test checks it), so the page and the behaviour cannot drift apart.
/// </summary>
internal static class SoundnessCases
{
    private static readonly string[] All = Controls;

    public static readonly SoundnessCase[] Cases =
    [
        Case("no-switch", "No switch: the package's defaults", "Every planted violation fails the build.", _ => { }, [], failing: All),

        Case("run-analyzers-false", "`<RunAnalyzers>false</RunAnalyzers>`", "The generator still runs; every control is `not-enforced: analyzers are off`.",
            _ => { }, ["-p:RunAnalyzers=false"], failing: [], reason: "analyzers are off"),

        Case("run-analyzers-during-build-false", "`<RunAnalyzersDuringBuild>false</RunAnalyzersDuringBuild>`", "Every control is `not-enforced: analyzers are off`.",
            _ => { }, ["-p:RunAnalyzersDuringBuild=false"], failing: [], reason: "analyzers are off"),

        Case("bulk-severity-none", "`dotnet_analyzer_diagnostic.severity = none` in .editorconfig", "Every control is `weakened`, naming the bulk setting.",
            c => c.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.severity = none\n"),
            [], failing: [], reason: "dotnet_analyzer_diagnostic.severity = none"),

        Case("bulk-severity-global-config", "`dotnet_analyzer_diagnostic.severity = silent` in a global config", "Every control is `weakened`, naming the bulk setting.",
            c => c.WriteFile("policy.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = silent\n"),
            [], failing: [], reason: "dotnet_analyzer_diagnostic.severity = silent", items: "<EditorConfigFiles Include=\"policy.globalconfig\" />"),

        Case("bulk-category", "`dotnet_analyzer_diagnostic.category-<Category>.severity = none|suggestion`", "Only the controls of that category are `weakened`; the others still fail the build.",
            c => c.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-SecurityRequirements.Encryption.severity = none\ndotnet_analyzer_diagnostic.category-SecurityRequirements.PiiAudit.severity = suggestion\n"),
            [], failing: [OAuthPkce, Banned], reasons: new()
            {
                [Encryption] = "category-SecurityRequirements.Encryption.severity = none",
                [PiiAudit] = "category-SecurityRequirements.PiiAudit.severity = suggestion",
            }),

        Case("bulk-severity-some-files", "A bulk severity for some files only", "The control is `partial`, naming the files.",
            c => c.WriteFile(".editorconfig", "root = true\n\n[Crypto/*.cs]\ndotnet_analyzer_diagnostic.severity = none\n"),
            [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "in Crypto/LegacyCipher.cs by dotnet_analyzer_diagnostic.severity = none" }),

        Case("rule-severity-some-files", "`dotnet_diagnostic.<ID>.severity = none` for some files", "The control is `partial`, naming the rule and the files.",
            c => c.WriteFile(".editorconfig", "root = true\n\n[Crypto/*.cs]\ndotnet_diagnostic.SRA1001.severity = none\n"),
            [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "SRA1001 is set to none in Crypto/LegacyCipher.cs by .editorconfig" }),

        Case("nowarn", "`<NoWarn>` naming a rule", "The control is `weakened`: the rule is set to none by NoWarn.",
            _ => { }, [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "SRA1001 is set to none by NoWarn" },
            properties: "<NoWarn>$(NoWarn);SRA1001</NoWarn>"),

        Case("warnings-not-as-errors", "`<WarningsNotAsErrors>` under `<TreatWarningsAsErrors>`, controls at warning", "The named rule stays a warning: its control is `weakened`; the others fail the build.",
            _ => { }, [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "SRA1001 is set to warning by WarningsNotAsErrors (or /warnaserror-)" },
            properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>SRA1001</WarningsNotAsErrors>", severity: "warning"),

        Case("warning-level-zero", "`<WarningLevel>0</WarningLevel>` under `<TreatWarningsAsErrors>`, controls at warning", "Warnings are dropped before they become errors: every control is `weakened`.",
            _ => { }, [], failing: [], reason: "WarningLevel 0",
            properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningLevel>0</WarningLevel>", severity: "warning"),

        Case("generated-code", "Violations in generated code: `*.g.cs`, `*.designer.cs`, an `<auto-generated/>` header, `generated_code = true`", "Security rules analyse and report in generated code: every planted violation fails the build, and the files are listed under `build.generatedFiles`.",
            c =>
            {
                Move(c, Encryption, "Crypto/LegacyCipher.g.cs");
                Move(c, Banned, "Hashing/Checksum.designer.cs");
                c.WriteFile(FileOf[OAuthPkce], "// <auto-generated/>\n" + Sources[OAuthPkce]);
                c.WriteFile(".editorconfig", "root = true\n\n[Customers/*.cs]\ngenerated_code = true\n");
            },
            [], failing: All),

        Case("skip-generated-code", "A control with `skip_generated_code: true`", "Its violations in generated files pass; the control is `partial`, naming the generated files.",
            c => Move(c, Encryption, "Crypto/LegacyCipher.g.cs"),
            [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "skip_generated_code" },
            encryptionParameters: "    parameters:\n      skip_generated_code: true"),

        Case("project-wide-waiver", "A waiver whose path or namespace covers every file (`path: \"**\"`)", "SRA0021 in the YAML; the waiver is `projectWide` and its control `weakened`.",
            _ => { }, [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = "covers the whole project" },
            exceptions: "exceptions:\n  - control: SEC-001\n    path: \"**\"\n    justification: legacy\n    approved_by: security-team\n    expires: 2026-12-31"),

        Case("scoped-waiver", "An active waiver for one namespace", "The violation under it passes; the waiver is listed and the verdict says the guarantee holds except under it.",
            _ => { }, [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = SoundnessCase.Covered },
            exceptions: "exceptions:\n  - control: SEC-001\n    namespace: Consumer.Crypto\n    justification: decrypt-only path\n    approved_by: security-team\n    expires: 2026-12-31",
            today: "2026-06-01"),

        Case("today-pinned-in-the-past", "`SecurityRequirementsToday` pinned before an expired waiver's date", "The waiver stays active and is listed; the attestation records the date used and `todayPinned: true`.",
            _ => { }, [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = SoundnessCase.Covered },
            exceptions: "exceptions:\n  - control: SEC-001\n    namespace: Consumer.Crypto\n    justification: decrypt-only path\n    approved_by: security-team\n    expires: 2025-01-31",
            today: "2025-01-01"),

        Case("pragma", "`#pragma warning disable` of a rule", "The violation passes; the suppression is listed with its file, line and whether it is justified.",
            c => c.WriteFile(FileOf[Encryption], Sources[Encryption].Replace("public static object", "#pragma warning disable SRA1001 // fixture for the soundness matrix\n    public static object", StringComparison.Ordinal)),
            [], failing: [OAuthPkce, PiiAudit, Banned], reasons: new() { [Encryption] = SoundnessCase.Covered }),

        Case("suppress-message", "`[SuppressMessage]` of a rule", "The violation passes; the suppression is listed with its justification.",
            c => c.WriteFile(FileOf[Banned], Sources[Banned].Replace("public static class Checksum", "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"SecurityRequirements\", \"SRA9001\", Justification = \"checksum of a public file\")]\npublic static class Checksum", StringComparison.Ordinal)),
            [], failing: [Encryption, OAuthPkce, PiiAudit], reasons: new() { [Banned] = SoundnessCase.Covered }),

        Case("requirements-path-is-a-directory", "`SecurityRequirementsFile` names a directory", "SRA0020 at that path; the baseline (at warning) applies and `requirements.problems` names the directory.",
            c => c.WriteFile("policy/security_requirements.yaml/.keep", ""),
            [], failing: [], reason: SoundnessCase.NotApplied, properties: "<SecurityRequirementsFile>policy/security_requirements.yaml</SecurityRequirementsFile>"),

        Case("requirements-file-missing", "`SecurityRequirementsFile` names a file that does not exist", "SRA0020 at that path; the baseline (at warning) applies and `requirements.problems` names the file.",
            _ => { }, [], failing: [], reason: SoundnessCase.NotApplied, properties: "<SecurityRequirementsFile>policy/missing.yaml</SecurityRequirementsFile>"),

        Case("requirements-file-empty", "An empty requirements file", "SRA0020 at the file; the baseline (at warning) applies and `requirements.problems` says it is empty.",
            c => c.WriteFile("security_requirements.yaml", "# the policy goes here\n"),
            [], failing: [], reason: SoundnessCase.NotApplied),
    ];

    private static void Move(ConsumerProject consumer, string control, string newPath)
    {
        File.Delete(consumer.PathOf(FileOf[control]));
        consumer.WriteFile(newPath, Sources[control]);
    }

    private static SoundnessCase Case(
        string name,
        string @switch,
        string seen,
        Action<ConsumerProject> arrange,
        string[] buildArguments,
        string[] failing,
        string? reason = null,
        Dictionary<string, string>? reasons = null,
        string properties = "",
        string items = "",
        string severity = "error",
        string encryptionParameters = "",
        string exceptions = "",
        string today = "2026-06-01")
    {
        var expected = new Dictionary<string, string>();
        foreach (var control in Controls)
        {
            if (!failing.Contains(control))
            {
                expected[control] = reasons?.GetValueOrDefault(control) ?? reason
                    ?? throw new ArgumentException($"{name}: {control} neither fails nor has an expected reason");
            }
        }

        void Arrange(ConsumerProject consumer)
        {
            consumer.WriteProject(
                "app.csproj",
                properties + $"<SecurityRequirementsToday>{today}</SecurityRequirementsToday>",
                "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />" + items);
            consumer.WriteFile("security_requirements.yaml", Yaml(severity, encryptionParameters, exceptions));
            foreach (var control in Controls)
            {
                consumer.WriteFile(FileOf[control], Sources[control]);
            }

            arrange(consumer);
        }

        return new SoundnessCase(name, @switch, seen, Arrange, buildArguments, failing, expected);
    }
}
