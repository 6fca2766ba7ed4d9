using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>
/// Plays an AI coding agent on the Noncompliant sample, with nothing but the commands the README gives it: read the
/// brief, build with every control at error and a SARIF log, apply the code fixes the brief lists with
/// <c>dotnet format analyzers</c>, rebuild. What remains must be the rules the brief marks as fixed by hand; with
/// only fixable violations the build must then pass and the attestation vouch for every control.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class AgentLoopTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Whole_sample_after_the_fixes_keeps_only_the_rules_the_brief_says_to_fix_by_hand()
    {
        var consumer = CopySample("agent-loop-all", file => true);

        var brief = ReadBrief(consumer);
        var fixable = FixableIdsOf(brief);
        var before = BuildWithSarif(consumer, "before.sarif");
        Assert.False(before.Build.Succeeded, before.Build.ToString());
        var found = before.RuleIds.ToHashSet();
        Assert.Superset(new HashSet<string> { "SRA1002", "SRA1003", "SRA1004", "SRA1006", "SRA2001", "SRA2003", "SRA2005", "SRA3001", "SRA3002" }, found);

        ApplyFixes(consumer, fixable.Intersect(found));

        var after = BuildWithSarif(consumer, "after.sarif");
        var remaining = after.RuleIds.Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine("Remaining after the fixes: " + string.Join(", ", remaining));
        Assert.NotEmpty(remaining);
        Assert.All(remaining, id =>
        {
            // Either the rule has no fix, or the brief names the shapes its fix leaves, with the remedy by hand.
            Assert.Matches(new Regex("^\\| " + id + " \\| [^|]+ \\| (no|yes, except [^|]+) \\| [^|]{20,} \\|$", RegexOptions.Multiline), brief);
        });
    }

    [Fact]
    public void Fixable_violations_are_fixed_from_the_command_line_and_the_attestation_then_vouches_for_every_control()
    {
        var consumer = CopySample("agent-loop-fixable", file => false)
            .WriteFile("Program.cs", "namespace App; public static class Program { public static void Main() { } }")
            .WriteFile("Vault.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Vault
                {
                    public static void Configure(Aes aes)
                    {
                        aes.KeySize = 128;
                    }

                    public static byte[] Seal(Aes aes, byte[] data, byte[] iv) => aes.EncryptCbc(data, iv);

                    public static byte[] SealMessage(byte[] key, byte[] plaintext)
                    {
                        var nonce = new byte[12];
                        var ciphertext = new byte[plaintext.Length];
                        var tag = new byte[12];
                        using var gcm = new AesGcm(key, 12);
                        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
                        return [.. nonce, .. ciphertext, .. tag];
                    }
                }
                """)
            .WriteFile("Login.cs", """
                using Microsoft.AspNetCore.Authentication.OAuth;

                namespace App;

                public static class Login
                {
                    public static void Configure(OAuthOptions options)
                    {
                        options.UsePkce = false;
                    }
                }
                """)
            .WriteFile("Patients.cs", """
                using Microsoft.AspNetCore.Identity;
                using Microsoft.Extensions.Logging;

                namespace App;

                public sealed class Patient
                {
                    public int Id { get; set; }

                    [PersonalData]
                    public string FullName { get; set; } = "";
                }

                public sealed class Patients(ILogger<Patients> logger)
                {
                    public string Name(Patient patient, string userId, string ipAddress) => patient.FullName;

                    public void Renamed(Patient patient) => logger.LogInformation("Renamed {Patient}", patient.FullName);
                }
                """);

        var fixable = FixableIdsOf(ReadBrief(consumer));
        var before = BuildWithSarif(consumer, "before.sarif");
        Assert.False(before.Build.Succeeded, before.Build.ToString());
        Assert.Equal(["SRA1002", "SRA1003", "SRA1004", "SRA1006", "SRA2001", "SRA3001", "SRA3002"], before.RuleIds.Distinct().Order(StringComparer.Ordinal));

        ApplyFixes(consumer, fixable.Intersect(before.RuleIds));

        var after = BuildWithSarif(consumer, "after.sarif");
        Assert.True(after.Build.Succeeded, after.Build.ToString() + "\n" + string.Join("\n", Directory.EnumerateFiles(consumer.Root, "*.cs").Select(File.ReadAllText)));
        Assert.Empty(after.RuleIds);

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(consumer.PathOf("bin/Debug/net10.0/app.security-attestation.json")));
        var controls = manifest.RootElement.GetProperty("controls").EnumerateArray().ToList();
        Assert.Equal(["SEC-001", "SEC-002", "SEC-003", "SEC-004"], controls.Select(c => c.GetProperty("id").GetString()));
        Assert.All(controls, control =>
        {
            Assert.Equal("enforced", control.GetProperty("status").GetString());
            Assert.Equal("error", control.GetProperty("severity").GetString());
        });
        output.WriteLine(manifest.RootElement.GetProperty("verdict").GetString());
        Assert.StartsWith("If this build succeeded, no violation of SEC-001, SEC-002, SEC-003 and SEC-004 existed", manifest.RootElement.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, manifest.RootElement.GetProperty("suppressions").GetArrayLength());
    }

    /// <summary>The sample's sources and policy with every control raised to error, as a team does before handing work to an agent.</summary>
    private ConsumerProject CopySample(string name, Func<string, bool> includeFile)
    {
        var sample = Path.Combine(fixture.RepositoryRoot, "samples", "Noncompliant");
        var consumer = new ConsumerProject(fixture, name).WriteProject("app.csproj", "<OutputType>Exe</OutputType>", "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");
        foreach (var file in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(sample, f)).Where(includeFile))
        {
            consumer.WriteFile(Path.GetRelativePath(sample, file), File.ReadAllText(file));
        }

        var yaml = File.ReadAllText(Path.Combine(sample, "security_requirements.yaml"));
        var allAtError = CheckLine().Replace(SeverityLine().Replace(yaml, string.Empty), "$0\n${indent}severity: error");
        return consumer.WriteFile("security_requirements.yaml", allAtError);
    }

    private static bool IsBuildOutput(string sample, string file)
    {
        var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static string ReadBrief(ConsumerProject consumer)
    {
        var result = consumer.BuildTarget("app.csproj", "SecurityRequirementsBrief");
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllText(consumer.PathOf("security-requirements.brief.md"));
    }

    /// <summary>The ids of the brief's own <c>dotnet format analyzers --diagnostics …</c> line.</summary>
    private static List<string> FixableIdsOf(string brief)
    {
        var line = Assert.Single(brief.Split('\n'), l => l.StartsWith("dotnet format analyzers --diagnostics ", StringComparison.Ordinal));
        return line.Split(' ').Where(part => part.StartsWith("SRA", StringComparison.Ordinal)).ToList();
    }

    private (BuildResult Build, List<string> RuleIds) BuildWithSarif(ConsumerProject consumer, string sarifName)
    {
        var sarif = consumer.PathOf(sarifName);
        var build = consumer.Build("app.csproj", "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
        output.WriteLine(build.Process.CommandLine + " -> exit code " + build.Process.ExitCode);
        Assert.True(File.Exists(sarif), build.ToString());
        using var log = JsonDocument.Parse(File.ReadAllBytes(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var ids = log.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(result => result.GetProperty("ruleId").GetString()!)
            .Where(id => id.StartsWith("SRA", StringComparison.Ordinal))
            .ToList();

        // The SARIF log and the console agree: an agent may read either.
        Assert.Equal(build.Diagnostics.Where(d => d.Id.StartsWith("SRA", StringComparison.Ordinal)).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal), ids.Distinct().Order(StringComparer.Ordinal));
        return (build, ids);
    }

    /// <summary>
    /// The brief's <c>dotnet format analyzers</c> line, run again while it says it could not fix an id, as an agent's
    /// build-fix-rebuild loop does. One run fixes the ids in an order that varies between runs (string hashing), and a
    /// fix that edits a file (adding usings, say) can leave another id's diagnostics, computed before it, pointing at
    /// stale spans; dotnet format then reports "Unable to fix SRAxxxx" and the next run, which analyzes again, fixes it.
    /// </summary>
    private void ApplyFixes(ConsumerProject consumer, IEnumerable<string> ids)
    {
        var diagnostics = ids.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(diagnostics);
        for (var run = 1; run <= 3; run++)
        {
            var format = consumer.FormatAnalyzers("app.csproj", "info", diagnostics);
            output.WriteLine(format.ToString());
            Assert.True(format.ExitCode == 0, format.ToString());
            if (!format.Output.Contains("Unable to fix ", StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    [GeneratedRegex("^[ ]*severity: \\w+[ ]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex SeverityLine();

    [GeneratedRegex("^(?<indent>[ ]*)check: [a-z-]+[ ]*$", RegexOptions.Multiline)]
    private static partial Regex CheckLine();
}
