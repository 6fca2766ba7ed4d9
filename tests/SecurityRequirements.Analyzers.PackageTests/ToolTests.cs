using System.Security.Cryptography;
using System.Text.Json;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>
/// The sra tool as a team gets it: dotnet tool install from the feed, then every command on the
/// samples built against the packed analyzer package. verify passes on the Compliant sample and fails
/// on the Noncompliant one, built the way a team silences its errors to get a build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Dll = "bin/Debug/net10.0/app.dll";

    [Fact]
    public void Installed_tool_names_its_version_and_commands()
    {
        var version = Sra(fixture.WorkRoot, "--version");
        var help = Sra(fixture.WorkRoot, "--help");

        Assert.Equal(0, version.ExitCode);
        Assert.Equal(fixture.ToolPackageVersion, version.Output.Trim());
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("  attestation  ", help.Output, StringComparison.Ordinal);
        Assert.Contains("  brief  ", help.Output, StringComparison.Ordinal);
        Assert.Contains("  verify  ", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliant_sample_passes_verify_and_every_command_matches_the_build()
    {
        var consumer = CopySample("tool-compliant", "Compliant");
        Build(consumer);
        var dll = consumer.PathOf(Dll);
        var buildJson = consumer.PathOf("bin/Debug/net10.0/app.security-attestation.json");
        var buildHtml = consumer.PathOf("bin/Debug/net10.0/app.security-attestation.html");

        var verify = Sra(consumer.Root, "verify", Dll, "--policy", "security_requirements.yaml", "--report", "bin/Debug/net10.0/app.security-attestation.json");
        Assert.Equal(0, verify.ExitCode);
        Assert.Matches("^verify: passed: .*app.dll \\(SHA-256 [0-9a-f]{64}\\); 1 required control\\(s\\) vouched for at error: SEC-001\\n$", verify.Output.Replace("\r\n", "\n", StringComparison.Ordinal));

        var extract = Sra(consumer.Root, "attestation", Dll, "--out", "evidence");
        Assert.Equal(0, extract.ExitCode);
        Assert.Equal(File.ReadAllBytes(buildJson), File.ReadAllBytes(consumer.PathOf("evidence/app.security-attestation.json")));
        Assert.Equal(File.ReadAllBytes(buildHtml), File.ReadAllBytes(consumer.PathOf("evidence/app.security-attestation.html")));

        var intoto = Sra(consumer.Root, "attestation", Dll, "--format", "in-toto", "--out", "evidence");
        Assert.Equal(0, intoto.ExitCode);
        using (var statement = JsonDocument.Parse(File.ReadAllBytes(consumer.PathOf("evidence/app.security-attestation.intoto.json"))))
        using (var exported = JsonDocument.Parse(File.ReadAllBytes(buildJson)))
        {
            var root = statement.RootElement;
            Assert.Equal(["_type", "subject", "predicateType", "predicate"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
            var subject = Assert.Single(root.GetProperty("subject").EnumerateArray());
            Assert.Equal("app.dll", subject.GetProperty("name").GetString());
            Assert.Equal(Sha256(File.ReadAllBytes(dll)), subject.GetProperty("digest").GetProperty("sha256").GetString());
            Assert.Matches("^https://github.com/securityrequirements/SecurityRequirements.Analyzers/attestation/v[0-9]+$", root.GetProperty("predicateType").GetString());
            var predicate = root.GetProperty("predicate");
            Assert.Equal(exported.RootElement.GetProperty("verdict").GetString(), predicate.GetProperty("verdict").GetString());
            Assert.True(JsonElement.DeepEquals(exported.RootElement.GetProperty("controls"), predicate.GetProperty("controls")), "the predicate's controls are the manifest's");
            Assert.False(predicate.TryGetProperty("assemblySha256", out _), "the predicate is the manifest as embedded");
        }

        var brief = Sra(consumer.Root, "brief", "security_requirements.yaml", "--print");
        var target = consumer.BuildTarget("app.csproj", "SecurityRequirementsBrief");
        Assert.Equal(0, brief.ExitCode);
        Assert.True(target.ExitCode == 0, target.ToString());
        Assert.Equal(File.ReadAllText(consumer.PathOf("security-requirements.brief.md")), brief.Output);
    }

    [Fact]
    public void Noncompliant_sample_built_with_its_errors_silenced_fails_verify_with_one_line_per_finding()
    {
        // What a team under pressure does to get a build: lower the encryption rules to warnings.
        var consumer = CopySample("tool-noncompliant", "Noncompliant")
            .WriteFile(".editorconfig", "root = true\n\n[*.cs]\n" + string.Concat(Enumerable.Range(1001, 999).Select(i => $"dotnet_diagnostic.SRA{i}.severity = warning\n")));
        Build(consumer);

        var verify = Sra(consumer.Root, "verify", Dll, "--policy", "security_requirements.yaml", "--today", "2027-04-01");
        var lines = verify.Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

        Assert.Equal(5, verify.ExitCode);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("FAIL not-vouched SEC-001: required at error, but the attestation does not vouch for it (status enforced, severity warning)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("FAIL waiver-expired SEC-001: the waiver for symbol:M:Legacy.Crypto.DecryptV1(System.Byte[]) expired on 2027-03-31", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("verify: FAILED: ", lines[2], StringComparison.Ordinal);

        // Another version of the policy, and a report that is not about this binary.
        var otherPolicy = consumer.WriteFile("newer-policy.yaml", File.ReadAllText(consumer.PathOf("security_requirements.yaml")) + "# tightened later\n").PathOf("newer-policy.yaml");
        var report = consumer.PathOf("bin/Debug/net10.0/app.security-attestation.json");
        var sha = Sha256(File.ReadAllBytes(consumer.PathOf(Dll)));
        consumer.WriteFile("other-report.json", File.ReadAllText(report).Replace(sha, new string('0', 64), StringComparison.Ordinal));
        var mismatch = Sra(consumer.Root, "verify", Dll, "--policy", otherPolicy, "--require-error", "SEC-004", "--report", "other-report.json", "--today", "2026-06-01", "--json");
        Assert.Equal(5, mismatch.ExitCode);
        using var result = JsonDocument.Parse(mismatch.Output);
        Assert.False(result.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(["policy-mismatch", "not-vouched", "not-vouched", "report-mismatch"], result.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(["SEC-001", "SEC-004"], result.RootElement.GetProperty("required").EnumerateArray().Select(c => c.GetString()));
    }

    /// <summary>A sample's sources and policy in a consumer of the packed package (the sample's own project pins a version).</summary>
    private ConsumerProject CopySample(string name, string sample)
    {
        var folder = Path.Combine(fixture.RepositoryRoot, "samples", sample);
        // A fixed "today", so that the samples' waivers stay active whatever the date of the run.
        var consumer = new ConsumerProject(fixture, name).WriteProject(
            "app.csproj", "<OutputType>Exe</OutputType><SecurityRequirementsToday>2026-06-01</SecurityRequirementsToday>", "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative.EndsWith(".cs", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                || relative == "security_requirements.yaml")
            {
                consumer.WriteFile(relative, File.ReadAllText(file));
            }
        }

        return consumer;
    }

    private void Build(ConsumerProject consumer)
    {
        var build = consumer.Build("app.csproj");
        output.WriteLine(build.ToString());
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.WithId("AD0001"));
    }

    private ProcessResult Sra(string workingDirectory, params string[] arguments)
    {
        var result = fixture.RunSra(workingDirectory, arguments);
        output.WriteLine(result.ToString());
        return result;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
