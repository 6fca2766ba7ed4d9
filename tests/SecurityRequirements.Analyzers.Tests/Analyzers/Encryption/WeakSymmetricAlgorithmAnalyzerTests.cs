using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.WeakSymmetricAlgorithmAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class WeakSymmetricAlgorithmAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string Advice = "use AesGcm with a 256-bit key, a random 12-byte nonce from RandomNumberGenerator and a 16-byte tag";

    private const string PlainYaml = """
        version: "2.0"
        controls:
          - id: "SEC-001"
            name: "Encryption at Rest"
            requirement: "All sensitive data must be encrypted using AES-256-GCM"
        """;

    private static DiagnosticResult Expect(int marker, string algorithm, string description, string control = "SEC-001", string requirement = Requirement, string advice = Advice) =>
        Verify.Diagnostic(DiagnosticDescriptors.WeakSymmetricAlgorithm).WithLocation(marker).WithArguments(control, requirement, algorithm, description, advice);

    [Fact]
    public async Task FactoriesAndConstructors_ReportSRA1001_WithInferredControl()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021, SYSLIB0022, SYSLIB0045
            class C
            {
                object A() => {|#0:DES.Create()|};
                object B() => {|#1:new TripleDESCryptoServiceProvider()|};
                object D() => {|#2:RC2.Create()|};
                object E() => {|#3:new RijndaelManaged()|};
                object F() => {|#4:SymmetricAlgorithm.Create("3DES")|};
                object G() => {|#5:CryptoConfig.CreateFromName("DES")|};
            }
            """;

        await Verify.VerifyAsync(source, PlainYaml,
            Expect(0, "DES", "56-bit key, broken"),
            Expect(1, "TripleDES", "64-bit block, no authentication"),
            Expect(2, "RC2", "weak key schedule, no authentication"),
            Expect(3, "Rijndael", "obsolete non-AEAD block cipher"),
            Expect(4, "TripleDES", "64-bit block, no authentication"),
            Expect(5, "DES", "56-bit key, broken"));
    }

    [Fact]
    public async Task SubclassCreation_ReportsBaseAlgorithm()
    {
        const string source = """
            using System.Security.Cryptography;
            abstract class MyDes : DES { }
            sealed class Concrete : MyDes
            {
                public override ICryptoTransform CreateDecryptor(byte[] k, byte[]? iv) => throw null!;
                public override ICryptoTransform CreateEncryptor(byte[] k, byte[]? iv) => throw null!;
                public override void GenerateIV() { }
                public override void GenerateKey() { }
            }
            class C { object M() => {|#0:new Concrete()|}; }
            """;

        await Verify.VerifyAsync(source, PlainYaml, Expect(0, "DES", "56-bit key, broken"));
    }

    [Fact]
    public async Task ModernCryptoAndMentions_StaySilent()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                // DES.Create() in a comment.
                string Name => nameof(DES) + typeof(TripleDES).Name;
                object A() => Aes.Create();
                object B(byte[] key) => new AesGcm(key, 16);
                object D() => SHA256.Create();
                object E() => CryptoConfig.CreateFromName("SHA256")!;
                object F(string name) => CryptoConfig.CreateFromName(name)!;
            }
            """;

        await Verify.VerifyAsync(source, PlainYaml);
    }

    [Fact]
    public async Task NoFile_BaselineReports()
    {
        const string source = "class C { object M() => {|#0:System.Security.Cryptography.DES.Create()|}; }";

        await Verify.VerifyAsync(source, yaml: null, Expect(0, "DES", "56-bit key, broken"));
    }

    [Fact]
    public async Task NoEncryptionControl_StaysSilent()
    {
        const string source = "class C { object M() => System.Security.Cryptography.DES.Create(); }";
        var yaml = """
            controls:
              - id: OPS-1
                name: Backups
                requirement: Back up the database nightly
            """;

        await Verify.VerifyAsync(source, yaml);
    }

    [Fact]
    public async Task ExplicitControlWithSeverityAndParameters_ShapesDiagnostic()
    {
        const string source = "class C { object M() => {|#0:System.Security.Cryptography.TripleDES.Create()|}; }";
        var yaml = """
            controls:
              - id: CRYPTO-9
                requirement: Use authenticated encryption.
                check: encryption
                severity: error
                parameters:
                  algorithms: [AES-128-GCM, ChaCha20-Poly1305]
            """;

        await Verify.VerifyAsync(source, yaml,
            Expect(0, "TripleDES", "64-bit block, no authentication", "CRYPTO-9", "Use authenticated encryption",
                "use AesGcm with a 128-bit key, a random 12-byte nonce from RandomNumberGenerator and a 16-byte tag (or ChaCha20Poly1305)").WithSeverity(DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task WaivedMethod_IsSilent_AndExpiredWaiverIsNot()
    {
        const string source = """
            namespace Legacy
            {
                class Crypto
                {
                    object DecryptV1() => System.Security.Cryptography.DES.Create();
                }
            }
            """;
        string Yaml(string expires) => PlainYaml + $$"""

            exceptions:
              - control: SEC-001
                symbol: "M:Legacy.Crypto.DecryptV1"
                justification: decrypt-only path for migrating old records
                expires: {{expires}}
            """;

        await Verify.VerifyAsync(source, Yaml("2027-03-31"));

        var expired = Verify.Create(source.Replace("System.Security.Cryptography.DES.Create()", "{|#0:System.Security.Cryptography.DES.Create()|}"), Yaml("2026-01-31"));
        expired.ExpectedDiagnostics.Add(Expect(0, "DES", "56-bit key, broken"));
        await expired.RunAsync();
    }
}
