using System.Globalization;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>
/// Real <c>dotnet build</c>s of consumer projects against the packed package: the diagnostics a
/// user sees in the build output, and the build properties and metadata the package hands to the
/// compiler. Each test is one build (they are slow), so each checks everything its setup allows.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Md5Invocation = "System.Security.Cryptography.MD5.Create()";

    private const string HasherSource = $$"""
        namespace Consumer;

        public static class Hasher
        {
            public static byte[] Hash(byte[] data)
            {
                var h = {{Md5Invocation}};
                return h.ComputeHash(data);
            }
        }
        """;

    [Fact]
    public void Banned_symbol_is_a_warning_at_the_invocation()
    {
        var consumer = new ConsumerProject(fixture, "banned-symbol")
            .WriteProject("app.csproj")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004"));

        var build = Build(consumer, "app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        var diagnostic = SingleDiagnostic(build, "SRA9001");
        AssertAt(diagnostic, "Hasher.cs", HasherSource, Md5Invocation, "warning");
        Assert.StartsWith("SEC-004 '", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("/docs/rules/SRA9001.md", diagnostic.HelpLink, StringComparison.Ordinal);

        var config = build.ReadGeneratedEditorConfig();
        var yaml = GeneratedEditorConfig.NormalizePath(consumer.PathOf("security_requirements.yaml"));
        Assert.Equal([yaml], config.RequirementsFiles);
        Assert.Equal(yaml, GeneratedEditorConfig.NormalizePath(config.BuildProperty("SecurityRequirementsFile")!));
        Assert.Equal(GeneratedEditorConfig.NormalizePath(consumer.Root), GeneratedEditorConfig.NormalizePath(config.BuildProperty("MSBuildProjectDirectory")!));
        var today = DateTime.UtcNow;
        Assert.Contains(
            config.BuildProperty("SecurityRequirementsToday"),
            new[] { today, today.AddDays(-1) }.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Severity_error_fails_the_build()
    {
        var consumer = new ConsumerProject(fixture, "severity-error")
            .WriteProject("app.csproj")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004", severity: "error"));

        var build = Build(consumer, "app.csproj");

        Assert.False(build.Succeeded, build.ToString());
        var diagnostic = SingleDiagnostic(build, "SRA9001");
        AssertAt(diagnostic, "Hasher.cs", HasherSource, Md5Invocation, "error");
        Assert.StartsWith("SEC-004 '", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_none_reports_nothing()
    {
        var consumer = new ConsumerProject(fixture, "severity-none")
            .WriteProject("app.csproj")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004", severity: "none"));

        var build = Build(consumer, "app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        NoDiagnostic(build, "SRA9001");
    }

    [Fact]
    public void EditorConfig_severity_wins_over_the_yaml()
    {
        var consumer = new ConsumerProject(fixture, "editorconfig-override")
            .WriteProject("app.csproj")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004", severity: "warning"))
            .WriteFile(".editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.SRA9001.severity = error
                """);

        var build = Build(consumer, "app.csproj");

        Assert.False(build.Succeeded, build.ToString());
        var diagnostic = SingleDiagnostic(build, "SRA9001");
        AssertAt(diagnostic, "Hasher.cs", HasherSource, Md5Invocation, "error");
    }

    [Fact]
    public void Unknown_yaml_key_is_reported_inside_the_yaml_and_valid_controls_still_apply()
    {
        const string yaml = """
            version: "2.0"
            controls:
              - id: SEC-004
                name: Misspelt check key
                requirement: Do not use MD5
                chek: banned
              - id: SEC-005
                name: No MD5
                requirement: Do not use MD5
                check: banned
                parameters: { symbols: ["T:System.Security.Cryptography.MD5"] }
            """;
        var consumer = new ConsumerProject(fixture, "yaml-unknown-key")
            .WriteProject("app.csproj")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", yaml);

        var build = Build(consumer, "app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        var unknownKey = SingleDiagnostic(build, "SRA0003");
        AssertAt(unknownKey, "security_requirements.yaml", yaml, "chek: banned", "warning");
        Assert.Contains("'chek'", unknownKey.Message, StringComparison.Ordinal);
        var banned = SingleDiagnostic(build, "SRA9001");
        Assert.StartsWith("SEC-005 '", banned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityRequirementsFile_property_names_another_file()
    {
        var consumer = new ConsumerProject(fixture, "file-property")
            .WriteProject("app/app.csproj", """
                <SecurityRequirementsFile>policy/org-policy.yaml</SecurityRequirementsFile>
                <SecurityRequirementsToday>2030-01-02</SecurityRequirementsToday>
                """)
            .WriteFile("app/Hasher.cs", HasherSource)
            .WriteFile("app/policy/org-policy.yaml", BanMd5("SEC-100"))
            // Nearer by the default rule, and ignored because the project names its file.
            .WriteFile("app/security_requirements.yaml", BanMd5("SEC-777"));

        var build = Build(consumer, "app/app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        var diagnostic = SingleDiagnostic(build, "SRA9001");
        AssertAt(diagnostic, "Hasher.cs", HasherSource, Md5Invocation, "warning");
        Assert.StartsWith("SEC-100 '", diagnostic.Message, StringComparison.Ordinal);

        var config = build.ReadGeneratedEditorConfig();
        var policy = GeneratedEditorConfig.NormalizePath(consumer.PathOf("app/policy/org-policy.yaml"));
        Assert.Equal([policy], config.RequirementsFiles);
        Assert.Equal(policy, GeneratedEditorConfig.NormalizePath(config.BuildProperty("SecurityRequirementsFile")!));
        Assert.Equal("2030-01-02", config.BuildProperty("SecurityRequirementsToday"));
    }

    [Fact]
    public void Nearest_file_above_the_project_is_found()
    {
        var consumer = new ConsumerProject(fixture, "nearest-above")
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004"))
            .WriteProject("src/app/app.csproj")
            .WriteFile("src/app/Hasher.cs", HasherSource);

        var build = Build(consumer, "src/app/app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        var diagnostic = SingleDiagnostic(build, "SRA9001");
        AssertAt(diagnostic, "Hasher.cs", HasherSource, Md5Invocation, "warning");
        Assert.Equal(GeneratedEditorConfig.NormalizePath(consumer.PathOf("src/app/Hasher.cs")), GeneratedEditorConfig.NormalizePath(diagnostic.File));
        Assert.Equal([GeneratedEditorConfig.NormalizePath(consumer.PathOf("security_requirements.yaml"))], build.ReadGeneratedEditorConfig().RequirementsFiles);
    }

    [Fact]
    public void AutoInclude_false_adds_no_requirements_file()
    {
        var consumer = new ConsumerProject(fixture, "auto-include-off")
            .WriteProject("app.csproj", "<SecurityRequirementsAutoInclude>false</SecurityRequirementsAutoInclude>")
            .WriteFile("Hasher.cs", HasherSource)
            .WriteFile("security_requirements.yaml", BanMd5("SEC-004"));

        var build = Build(consumer, "app.csproj");

        Assert.True(build.Succeeded, build.ToString());
        NoDiagnostic(build, "SRA9001");
        Assert.Empty(build.ReadGeneratedEditorConfig().RequirementsFiles);
    }

    private BuildResult Build(ConsumerProject consumer, string project)
    {
        var build = consumer.Build(project);
        output.WriteLine($"dotnet build {project}: exit code {build.Process.ExitCode} in {build.Process.Duration.TotalSeconds:F1} s (pack took {fixture.PackResult.Duration.TotalSeconds:F1} s)");
        foreach (var diagnostic in build.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        // The package must load: no analyzer that cannot be created (CS8032, e.g. a missing
        // YamlDotNet), no analyzer exception (AD0001), no compile error of the consumer itself.
        Assert.DoesNotContain(build.Diagnostics, d => d.Id is "AD0001" or "CS8032" or "CS8033" or "CS8784" or "CS8785");
        Assert.DoesNotContain(build.Diagnostics, d => d.Severity == "error" && !d.Id.StartsWith("SRA", StringComparison.Ordinal));
        return build;
    }

    private static MsBuildDiagnostic SingleDiagnostic(BuildResult build, string id)
    {
        var matches = build.WithId(id);
        Assert.True(matches.Count == 1, $"Expected exactly one {id}, found {matches.Count}.\n{build}");
        return matches[0];
    }

    private static void NoDiagnostic(BuildResult build, string id) =>
        Assert.True(build.WithId(id).Count == 0, $"Expected no {id}.\n{build}");

    private static string BanMd5(string id, string? severity = null) =>
        $$"""
        version: "2.0"
        controls:
          - id: {{id}}
            name: No MD5
            requirement: Do not use MD5; use SHA256
            check: banned
        {{(severity is null ? string.Empty : $"    severity: {severity}\n")}}    parameters: { symbols: ["T:System.Security.Cryptography.MD5"] }
        """;

    /// <summary>Asserts the file, severity and 1-based line/column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    private static void AssertAt(MsBuildDiagnostic diagnostic, string fileName, string text, string marker, string severity)
    {
        var index = text.ReplaceLineEndings("\n").IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the source.");
        var before = text.ReplaceLineEndings("\n")[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        Assert.Equal((fileName, line, column, severity), (diagnostic.FileName, diagnostic.Line, diagnostic.Column, diagnostic.Severity));
    }
}
