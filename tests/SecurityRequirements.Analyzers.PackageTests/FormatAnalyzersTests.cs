using SecurityRequirements.Analyzers.PackageTests.Infrastructure;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>The code fixes run from the command line through <c>dotnet format analyzers</c>, as CI and agents use them.</summary>
[Collection(PackageCollection.Name)]
public sealed class FormatAnalyzersTests(PackageFixture fixture)
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
                        using var des = TripleDES.Create();
                        des.Key = key;
                        des.Mode = CipherMode.CBC;
                        return des.EncryptCbc(data, iv);
                    }
                }
                """);

        var format = consumer.FormatAnalyzers("app.csproj", "warn", ["SRA1001"]);
        Assert.True(format.ExitCode == 0, format.ToString());

        var fixedCode = File.ReadAllText(consumer.PathOf("Legacy.cs"));
        Assert.Contains("        // the partner feed\n        return AesGcmEncryption.Encrypt(key, data);", fixedCode.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("TripleDES.Create()", fixedCode, StringComparison.Ordinal);
        Assert.Contains("internal static class AesGcmEncryption", fixedCode, StringComparison.Ordinal);

        var build = consumer.Build("app.csproj");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.WithId("SRA1001"));
    }
}
