using SecurityRequirements.Analyzers.PackageTests.Infrastructure;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>The package's <c>SecurityRequirementsBrief</c> target, as an agent or a person runs it.</summary>
[Collection(PackageCollection.Name)]
public sealed class BriefTargetTests(PackageFixture fixture)
{
    [Fact]
    public void Brief_target_writes_the_reviewed_brief_even_when_the_code_does_not_compile()
    {
        var yaml = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "samples", "Compliant", "security_requirements.yaml"));
        var consumer = new ConsumerProject(fixture, "brief-target")
            .WriteProject("app.csproj")
            .WriteFile("security_requirements.yaml", yaml)
            .WriteFile("Broken.cs", "namespace App; public class Half {");

        var result = Run(consumer);

        Assert.True(result.ExitCode == 0, result.ToString());
        var golden = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "tests", "SecurityRequirements.Analyzers.Tests", "Brief", "Golden", "Compliant.brief.md")).ReplaceLineEndings("\n");
        Assert.Equal(golden, File.ReadAllText(consumer.PathOf("security-requirements.brief.md")));
        Assert.Contains("SecurityRequirements: requirements brief written to " + consumer.PathOf("security-requirements.brief.md"), result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_target_honours_the_path_property()
    {
        var consumer = new ConsumerProject(fixture, "brief-target-path")
            .WriteProject("app.csproj", "<SecurityRequirementsBriefPath>docs/agents/brief.md</SecurityRequirementsBriefPath>")
            .WriteFile("security_requirements.yaml", """
                controls:
                  - id: SEC-009
                    name: Encryption
                    requirement: Encrypt with AES-256-GCM
                """)
            .WriteFile("Program.cs", "namespace App; public static class Program { }");

        var result = Run(consumer);

        Assert.True(result.ExitCode == 0, result.ToString());
        var brief = File.ReadAllText(consumer.PathOf("docs/agents/brief.md"));
        Assert.Contains("\n## SEC-009: Encryption\n", brief, StringComparison.Ordinal);
        Assert.Contains("- Check: `encryption` (inferred from the name and requirement)\n", brief, StringComparison.Ordinal);
        Assert.False(File.Exists(consumer.PathOf("security-requirements.brief.md")));
    }

    [Fact]
    public void Brief_target_works_in_a_multi_targeting_project()
    {
        var consumer = new ConsumerProject(fixture, "brief-target-multi")
            .WriteProject("app.csproj")
            .WriteFile("security_requirements.yaml", """
                controls:
                  - id: SEC-010
                    name: Tokens
                    requirement: OAuth 2.0 with PKCE
                """);
        File.WriteAllText(
            consumer.PathOf("app.csproj"),
            File.ReadAllText(consumer.PathOf("app.csproj")).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>", StringComparison.Ordinal));

        var result = Run(consumer);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n## SEC-010: Tokens\n", File.ReadAllText(consumer.PathOf("security-requirements.brief.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_target_fails_on_a_broken_requirements_file_with_the_error_at_its_line()
    {
        var consumer = new ConsumerProject(fixture, "brief-target-broken")
            .WriteProject("app.csproj")
            .WriteFile("security_requirements.yaml", """
                controls:
                  - id: SEC-009
                    name: Encryption
                    requirement: Encrypt with AES-256-GCM
                    severity: loud
                """);

        var result = Run(consumer);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("security_requirements.yaml(5,15): error SRA0006: 'loud' is not a valid severity; use error, warning, info or none", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(consumer.PathOf("security-requirements.brief.md")));
    }

    private static ProcessResult Run(ConsumerProject consumer) => consumer.BuildTarget("app.csproj", "SecurityRequirementsBrief");
}
