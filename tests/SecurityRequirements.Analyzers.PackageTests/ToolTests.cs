using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
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
        Assert.Contains("  mcp  ", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_tool_serves_mcp_over_stdio_and_checks_a_proposed_file_in_a_sample()
    {
        // The installed tool as an agent's client starts it: its MSBuildWorkspace build host must have come with the package.
        var consumer = CopySample("tool-mcp", "Compliant");
        Build(consumer);
        var environment = new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        foreach (var (name, value) in fixture.SraEnvironment())
        {
            environment[name] = value;
        }

        // What `dotnet test` sets for its own MSBuild must not leak into the server's design-time build.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !n.Equals("MSBUILDDISABLENODEREUSE", StringComparison.OrdinalIgnoreCase)))
        {
            environment[name] = null;
        }

        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var client = await McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "sra mcp",
                Command = fixture.Sra,
                Arguments = ["mcp", "--project", "app.csproj"],
                WorkingDirectory = consumer.Root,
                EnvironmentVariables = environment,
                StandardErrorLines = log.Enqueue,
            }),
            cancellationToken: timeout.Token);

        var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
        Assert.Equal(["attestation", "check", "fix", "requirements"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));

        const string LegacyVault = "using System.Security.Cryptography;\n\nnamespace App.Storage;\n\npublic sealed class LegacyVault\n{\n    public byte[] Seal(byte[] key, byte[] iv, byte[] data)\n    {\n        using var des = DES.Create();\n        des.Key = key;\n        return des.EncryptCbc(data, iv);\n    }\n}\n";
        var result = await client.CallToolAsync(
            "check",
            new Dictionary<string, object?> { ["files"] = new[] { new Dictionary<string, object?> { ["path"] = "Storage/LegacyVault.cs", ["text"] = LegacyVault } } },
            cancellationToken: timeout.Token);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        Assert.False(result.IsError == true, text + "\nServer log:\n" + string.Join("\n", log));
        using var check = JsonDocument.Parse(text);
        var diagnostic = Assert.Single(check.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("SRA1001", "SEC-001", 9, 25), (
            diagnostic.GetProperty("id").GetString(),
            diagnostic.GetProperty("control").GetString(),
            diagnostic.GetProperty("line").GetInt32(),
            diagnostic.GetProperty("column").GetInt32()));
        Assert.Empty(check.RootElement.GetProperty("compilerErrors").EnumerateArray());
        Assert.False(File.Exists(consumer.PathOf("Storage/LegacyVault.cs")), "check writes nothing");
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

        // The lowered rules make SEC-001 weakened, so the attestation is partial too.
        Assert.Equal(5, verify.ExitCode);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("FAIL not-vouched SEC-001: required at error, but the attestation does not vouch for it (status weakened, severity warning)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("FAIL waiver-expired SEC-001: the waiver for symbol:M:Legacy.Crypto.DecryptV1(System.Byte[]) expired on 2027-03-31", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("FAIL partial: the attestation says it is partial", StringComparison.Ordinal));
        Assert.StartsWith("verify: FAILED: ", lines[3], StringComparison.Ordinal);

        // Another version of the policy, and a report that is not about this binary.
        var otherPolicy = consumer.WriteFile("newer-policy.yaml", File.ReadAllText(consumer.PathOf("security_requirements.yaml")) + "# tightened later\n").PathOf("newer-policy.yaml");
        var report = consumer.PathOf("bin/Debug/net10.0/app.security-attestation.json");
        var sha = Sha256(File.ReadAllBytes(consumer.PathOf(Dll)));
        consumer.WriteFile("other-report.json", File.ReadAllText(report).Replace(sha, new string('0', 64), StringComparison.Ordinal));
        var mismatch = Sra(consumer.Root, "verify", Dll, "--policy", otherPolicy, "--require-error", "SEC-004", "--report", "other-report.json", "--today", "2026-06-01", "--json");
        Assert.Equal(5, mismatch.ExitCode);
        using var result = JsonDocument.Parse(mismatch.Output);
        Assert.False(result.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(["policy-mismatch", "not-vouched", "not-vouched", "partial", "report-mismatch"], result.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
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
