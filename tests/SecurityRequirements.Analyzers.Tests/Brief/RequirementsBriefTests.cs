using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Brief;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Analyzers.Tests.Configuration;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Generators;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Brief;

/// <summary>The requirements brief: its text for the samples' policies, its snippets compiling, and how the generator emits it.</summary>
public class RequirementsBriefTests
{
    private static string SampleYaml(string sample) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", sample, "security_requirements.yaml"));

    private static string BriefOf(string yaml, string path = GeneratorHarness.YamlPath) =>
        RequirementsBriefWriter.Write(Policies.FromYaml(yaml, path), RuleCatalog.RulesFor);

    [Fact]
    public void CompliantSamplePolicy_MatchesGolden() =>
        GeneratorHarness.AssertGolden("Compliant.brief.md", BriefOf(SampleYaml("Compliant")));

    [Fact]
    public void NoRequirementsFile_BriefsTheBaseline()
    {
        var brief = RequirementsBriefWriter.Write(Policies.Baseline(), RuleCatalog.RulesFor);

        Assert.Contains("Source: the package's baseline requirements (the project has no usable security_requirements.yaml)", brief, StringComparison.Ordinal);
        foreach (var control in BaselineRequirements.Document.Controls)
        {
            Assert.Contains("\n## " + control.Id + ": " + control.Name + "\n", brief, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryControlOfTheNoncompliantPolicy_HasItsRequirementRulesAndRemedies()
    {
        var yaml = SampleYaml("Noncompliant");
        var brief = BriefOf(yaml);
        var document = RequirementsParser.Parse(Microsoft.CodeAnalysis.Text.SourceText.From(yaml));

        Assert.Empty(document.Errors);
        foreach (var control in document.Controls)
        {
            var section = Section(brief, control.Id);
            Assert.Contains("- Requirement: " + control.Requirement + "\n", section, StringComparison.Ordinal);
            foreach (var rule in RuleCatalog.RulesFor(control.Check))
            {
                var remedy = RuleRemedies.For(rule);
                Assert.NotNull(remedy);
                Assert.Contains(
                    "| " + rule + " | " + RuleCatalog.TitleOf(rule) + " | " + remedy!.FixCell.Replace("|", "\\|") + " | " + remedy.ManualRemedy + " |\n",
                    section,
                    StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ParametersShapeTheSnippets()
    {
        const string yaml = """
            controls:
              - id: AUTH-7
                name: Sign-in
                requirement: OAuth 2.0 with PKCE
                check: oauth-pkce
                parameters:
                  access_token_lifetime: 5m
                  refresh_token_lifetime: 1d
              - id: AUD-1
                name: Audit
                requirement: Audit PII reads
                check: pii-audit
                parameters:
                  audit_fields: [user_id, action, tenant]
              - id: BAN-1
                name: No pipes
                requirement: Nothing piped
                check: banned
                parameters:
                  patterns: ["a|`b"]
                  instead: the Pipeline API
            """;

        var brief = BriefOf(yaml);

        Assert.Contains("    public static readonly global::System.TimeSpan AccessToken = global::System.TimeSpan.FromSeconds(300); // access_token_lifetime: 5m\n", brief, StringComparison.Ordinal);
        Assert.Contains("    public static readonly global::System.TimeSpan RefreshToken = global::System.TimeSpan.FromSeconds(86400); // refresh_token_lifetime: 1d\n", brief, StringComparison.Ordinal);
        Assert.Contains("public static partial void PiiAccessed(global::Microsoft.Extensions.Logging.ILogger logger, string? userId, string? action, string? tenant);", brief, StringComparison.Ordinal);
        Assert.Contains("PiiAuditLog.PiiAccessed(logger, userId, \"read Patient.Email\", tenant); // then read patient.Email\n", brief, StringComparison.Ordinal);
        Assert.Contains("Banned string patterns (regular expressions): `` a|`b ``.\nInstead: the Pipeline API.\n", brief, StringComparison.Ordinal);
        Assert.Contains("dotnet format analyzers --diagnostics SRA2001 SRA2002 SRA2003 SRA2004 SRA2005 SRA3001 SRA3002 --severity info\n", brief, StringComparison.Ordinal);
    }

    [Fact]
    public void SameYaml_SameBrief_AndNoMachinePaths()
    {
        var yaml = SampleYaml("Noncompliant");

        var first = BriefOf(yaml, "/home/alice/src/app/security_requirements.yaml");
        var second = BriefOf(yaml, @"C:\build\agent\app\security_requirements.yaml");

        Assert.Equal(first, second);
        Assert.DoesNotContain("alice", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPrescribedImplementation_CompilesAsItIs()
    {
        var yaml = SampleYaml("Noncompliant");
        var blocks = Regex.Matches(BriefOf(yaml), "^" + RequirementsBriefWriter.ImplementationHeading + @" \(.*?\):\n\n```csharp\n(.*?)\n```\n", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();

        // AES-GCM, PKCE, token lifetimes and the audit log.
        Assert.Equal(4, blocks.Count);
        var test = new SnippetCompileTest();
        for (var i = 0; i < blocks.Count; i++)
        {
            test.TestState.Sources.Add(($"/0/Snippet{i}.cs", blocks[i]));
        }

        await test.RunAsync();
    }

    [Fact]
    public void Generator_EmitsTheBriefOnlyWhenAsked()
    {
        var yaml = SampleYaml("Compliant");
        var compilation = GeneratorHarness.Compile(("Program.cs", "class Program { }"));
        var globals = GeneratorHarness.Globals();
        globals[AttestationGenerator.BriefPropertyKey] = "true";

        var asked = GeneratorHarness.CreateDriver(yaml, globals, new AttestationGenerator()).RunGenerators(compilation).GetRunResult().Results.Single();
        var plain = GeneratorHarness.CreateDriver(yaml, null, new AttestationGenerator()).RunGenerators(compilation).GetRunResult().Results.Single();

        var brief = Assert.Single(asked.GeneratedSources, s => s.HintName == AttestationGenerator.BriefHintName);
        Assert.Contains("[assembly: global::System.Reflection.AssemblyMetadata(\"SecurityRequirements.Brief\", \"# Security requirements brief\\n\\n", brief.SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(plain.GeneratedSources, s => s.HintName == AttestationGenerator.BriefHintName);
    }

    private static string Section(string brief, string controlId)
    {
        var start = brief.IndexOf("\n## " + controlId + ":", StringComparison.Ordinal);
        Assert.True(start >= 0, controlId + " has no section");
        var end = brief.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? brief.Substring(start) : brief.Substring(start, end - start);
    }

    /// <summary>Compiles the snippets with the logging package and its LoggerMessage generator; any compiler error fails.</summary>
    private sealed class SnippetCompileTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
    {
        public SnippetCompileTest()
        {
            ReferenceAssemblies = PiiTestSetup.References;
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { PiiAuditFixTest.LoggerMessageGenerator.Value };
    }
}
