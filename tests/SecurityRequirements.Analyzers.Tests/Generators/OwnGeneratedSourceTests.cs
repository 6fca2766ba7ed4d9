using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Analyzers.Internal;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>
/// The attestation quotes the requirements file. Analysed together with the project, as the compiler does, its text
/// must not be read as the project's own: a banned pattern must not report the attestation that records it.
/// </summary>
public sealed class OwnGeneratedSourceTests
{
    private const string Yaml = """
        version: "2.0"
        controls:
          - id: SEC-009
            name: No MD5
            requirement: Do not use MD5 anywhere
            check: banned
            parameters:
              patterns: ['(?i)\bmd5\b']
          - id: SEC-002
            name: Authentication
            requirement: OAuth 2.0 with PKCE required for all public clients
        """;

    private const string UserSource = """
        public class Checksums
        {
            public string Label() => "md5 of the file";
        }
        """;

    [Fact]
    public async Task BannedPattern_ReportsTheProjectsString_NotTheAttestationThatQuotesThePattern()
    {
        var compilation = GeneratedWithAttestation(out var attestation);
        Assert.Contains("md5", attestation.GetText().ToString(), StringComparison.OrdinalIgnoreCase);

        var result = await AnalyzerRunner.RunAsync(compilation, Yaml);

        result.AssertNoAnalyzerExceptions();
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "SRA9002");
        Assert.Equal(GeneratorHarness.ProjectDirectory + "/Checksums.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Location.SourceTree == attestation);
    }

    [Fact]
    public void OAuthParameterNames_QuotedByTheAttestation_DoNotCountAsWrittenInTheSource()
    {
        var compilation = GeneratedWithAttestation(out var attestation);
        Assert.Contains("code_challenge_method", attestation.GetText().ToString(), StringComparison.Ordinal);

        Assert.False(new ConstantMentions(compilation, ConstantMentions.CodeChallengeMethod).Possible(default));
    }

    [Fact]
    public async Task OAuthRequestChecks_DoNotReadARequirementQuotedByTheAttestation()
    {
        // The requirement text itself reads like an authorize request without a code_challenge.
        const string yaml = """
            version: "2.0"
            controls:
              - id: SEC-002
                name: Authentication
                requirement: "OAuth 2.0 with PKCE, never a bare https://id.example/authorize?response_type=code&client_id=app"
            """;
        var compilation = GeneratorHarness.Compile(("Checksums.cs", UserSource));
        GeneratorHarness.CreateDriver(yaml).RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Contains(updated.SyntaxTrees, t => t.GetText().ToString().Contains("authorize?response_type=code&client_id=app", StringComparison.Ordinal));

        var result = await AnalyzerRunner.RunAsync(updated, yaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("obj/Debug/net10.0/SecurityRequirements.Analyzers/SecurityRequirements.Analyzers.Generators.AttestationGenerator/SecurityRequirements.Attestation.g.cs", true)]
    [InlineData(@"C:\app\obj\SecurityRequirements.Analyzers\SecurityRequirements.Analyzers.Generators.AttestationGenerator\SecurityRequirements.Brief.g.cs", true)]
    [InlineData("SecurityRequirements.Analyzers.Generators.AttestationGenerator/SecurityRequirements.Attestation.g.cs", true)]
    [InlineData("src/SecurityRequirements.Attestation.g.cs", false)]
    [InlineData("obj/Other.Generators.AttestationGenerator/SecurityRequirements.Attestation.g.cs", false)]
    [InlineData("obj/XSecurityRequirements.Analyzers.Generators.AttestationGenerator/SecurityRequirements.Attestation.g.cs", false)]
    [InlineData("SecurityRequirements.Attestation.g.cs", false)]
    public void OwnGeneratedFiles_AreKnownByGeneratorFolderAndHintName(string path, bool ours) =>
        Assert.Equal(ours, OwnGeneratedFiles.Contains(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("", path: path)));

    private static Compilation GeneratedWithAttestation(out SyntaxTree attestation)
    {
        var compilation = GeneratorHarness.Compile(("Checksums.cs", UserSource));
        GeneratorHarness.CreateDriver(Yaml).RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        Assert.Empty(diagnostics);
        attestation = Assert.Single(updated.SyntaxTrees, t => t.FilePath.EndsWith(AttestationGenerator.HintName, StringComparison.Ordinal));
        return updated;
    }
}
