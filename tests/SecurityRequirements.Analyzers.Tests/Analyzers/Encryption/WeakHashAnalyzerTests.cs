using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.WeakHashAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class WeakHashAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string OptIn = """
        controls:
          - id: SEC-001
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            parameters:
              forbid_weak_hashes: true
        """;

    private static DiagnosticResult Expect(int marker, string api, string algorithm, string replacement) =>
        Verify.Diagnostic(DiagnosticDescriptors.WeakHash).WithLocation(marker).WithArguments("SEC-001", Requirement, api, algorithm, replacement);

    [Fact]
    public async Task WeakHashApis_ReportSRA1008WhenForbidden()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021, SYSLIB0045
            class C
            {
                object A() => {|#0:MD5.Create()|};
                byte[] B(byte[] d) => {|#1:SHA1.HashData(d)|};
                object D(byte[] k) => {|#2:new HMACSHA1(k)|};
                object E() => {|#3:new SHA1Managed()|};
                object F() => {|#4:IncrementalHash.CreateHash(HashAlgorithmName.MD5)|};
                object G(byte[] k) => {|#5:IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, k)|};
                object H() => {|#6:CryptoConfig.CreateFromName("SHA1")|}!;
            }
            """;

        await Verify.VerifyAsync(source, OptIn,
            Expect(0, "MD5.Create", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(1, "SHA1.HashData", "SHA1", "SHA256 (SHA256.HashData)"),
            Expect(2, "new HMACSHA1(...)", "HMACSHA1", "HMACSHA256"),
            Expect(3, "new SHA1Managed(...)", "SHA1", "SHA256 (SHA256.HashData)"),
            Expect(4, "IncrementalHash.CreateHash", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(5, "IncrementalHash.CreateHMAC", "HMACSHA1", "HMACSHA256"),
            Expect(6, "CryptoConfig.CreateFromName", "SHA1", "SHA256 (SHA256.HashData)"));
    }

    [Fact]
    public async Task StrongHashes_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] A(byte[] d) => SHA256.HashData(d);
                object B(byte[] k) => new HMACSHA256(k);
                object D() => IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
                string E => nameof(MD5);
            }
            """;

        await Verify.VerifyAsync(source, OptIn);
    }

    [Fact]
    public async Task WithoutOptIn_StaysSilent()
    {
        const string source = "class C { object A() => System.Security.Cryptography.MD5.Create(); }";
        await Verify.VerifyAsync(source, yaml: null);
        await Verify.VerifyAsync(source, "controls:\n  - id: SEC-001\n    requirement: Encrypt with AES-256-GCM\n");
    }
}
