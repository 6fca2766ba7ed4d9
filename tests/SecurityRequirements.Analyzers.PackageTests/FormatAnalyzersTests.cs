using System.Text.RegularExpressions;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>The code fixes run from the command line through <c>dotnet format analyzers</c>, as CI and agents use them.</summary>
[Collection(PackageCollection.Name)]
public sealed class FormatAnalyzersTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string Yaml = """
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    [Fact]
    public void Dotnet_format_applies_the_encryption_fixes()
    {
        var consumer = new ConsumerProject(fixture, "format-fixes")
            .WriteProject("app.csproj")
            .WriteFile("security_requirements.yaml", Yaml)
            .WriteFile("Crypto.cs", """
                using System.Security.Cryptography;

                namespace Consumer;

                public static class Crypto
                {
                    public static void Configure(Aes aes)
                    {
                        aes.KeySize = 128; // configured long ago
                    }

                    public static byte[] Seal(Aes aes, byte[] data, byte[] iv)
                    {
                        return aes.EncryptCbc(data, iv);
                    }
                }
                """);

        var format = consumer.FormatAnalyzers("app.csproj", "warn", ["SRA1004", "SRA1003"]);
        Assert.True(format.ExitCode == 0, format.ToString());

        var fixedCode = File.ReadAllText(consumer.PathOf("Crypto.cs"));
        Assert.Contains("aes.KeySize = 256; // configured long ago", fixedCode, StringComparison.Ordinal);
        Assert.Contains("return AesGcmEncryption.Encrypt(aes.Key, data);", fixedCode, StringComparison.Ordinal);
        Assert.Contains("internal static class AesGcmEncryption", fixedCode, StringComparison.Ordinal);

        var build = consumer.Build("app.csproj");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.WithId("SRA1003"));
        Assert.Empty(build.WithId("SRA1004"));
    }

    [Fact]
    public void Dotnet_format_replaces_a_legacy_cipher_with_the_aes_gcm_helper()
    {
        var consumer = new ConsumerProject(fixture, "format-legacy-cipher")
            .WriteProject("app.csproj")
            .WriteFile("security_requirements.yaml", Yaml)
            .WriteFile("Legacy.cs", """
                using System.Security.Cryptography;

                namespace Consumer;

                public static class Legacy
                {
                    public static byte[] Seal(byte[] key, byte[] iv, byte[] data)
                    {
                        // the partner feed
                        using var rijndael = Rijndael.Create();
                        rijndael.Key = key;
                        rijndael.Mode = CipherMode.CBC;
                        return rijndael.EncryptCbc(data, iv);
                    }
                }
                """);

        var format = consumer.FormatAnalyzers("app.csproj", "warn", ["SRA1001"]);
        Assert.True(format.ExitCode == 0, format.ToString());

        var fixedCode = File.ReadAllText(consumer.PathOf("Legacy.cs"));
        Assert.Contains("        // the partner feed\n        return AesGcmEncryption.Encrypt(key, data);", fixedCode.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Rijndael.Create()", fixedCode, StringComparison.Ordinal);
        Assert.Contains("internal static class AesGcmEncryption", fixedCode, StringComparison.Ordinal);

        var build = consumer.Build("app.csproj");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.WithId("SRA1001"));
    }

    [Fact]
    public void Noncompliant_sample_after_dotnet_format_with_every_fixable_id_builds_and_its_round_trip_passes()
    {
        var sample = Path.Combine(fixture.RepositoryRoot, "samples", "Noncompliant");
        var consumer = new ConsumerProject(fixture, "format-round-trip")
            .WriteProject("app.csproj", "<OutputType>Exe</OutputType>", "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");
        foreach (var file in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
            if (!relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                consumer.WriteFile(relative, File.ReadAllText(file));
            }
        }

        var yaml = File.ReadAllText(Path.Combine(sample, "security_requirements.yaml"));
        consumer.WriteFile("security_requirements.yaml", yaml);

        // Every id the README marks "Code fix: Yes".
        var readme = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "README.md"));
        var fixable = Regex.Matches(readme, @"^\| (SRA\d{4}) \|[^|]+\|[^|]+\| Yes \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("SRA3001", fixable);

        var format = consumer.FormatAnalyzers("app.csproj", "info", fixable);
        output.WriteLine(format.ToString());
        Assert.True(format.ExitCode == 0, format.ToString());
        var patientRecords = File.ReadAllText(consumer.PathOf("PatientRecords.cs"));
        Assert.Contains("PiiAuditLog.PiiAccessed(logger, context.User.FindFirst(", patientRecords, StringComparison.Ordinal);
        Assert.Contains("new AesGcm(key, AesGcm.TagByteSizes.MaxSize)", File.ReadAllText(consumer.PathOf("WeakAead.cs")), StringComparison.Ordinal);

        // What the fixes leave is for a person (the brief says what to write); at warning it does not stop the run.
        consumer.WriteFile("security_requirements.yaml", yaml.Replace("severity: error", "severity: warning", StringComparison.Ordinal));
        var build = consumer.Build("app.csproj");
        Assert.True(build.Succeeded, build.ToString() + "\n" + patientRecords);

        var run = consumer.Run(["run", "--no-build", "--project", consumer.PathOf("app.csproj"), "--", "--round-trip"]);
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            """
            ok   AES-CBC sealed, opened by the legacy reader
            ok   AES-GCM sealed with a 16-byte tag, opened
            OAuth UsePkce: True
            audit: PII access: UserId=user-42 Action=read Patient.FullName in PatientRecords.Greeting IpAddress=203.0.113.7
            round trip: OK
            """.ReplaceLineEndings("\n"),
            run.Output.ReplaceLineEndings("\n").Trim());
    }
}
