using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.AesGcmTagSizeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class AesGcmTagSizeAnalyzerTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private static DiagnosticResult Expect(int marker, string problem) =>
        Verify.Diagnostic(DiagnosticDescriptors.AesGcmTagTooShort).WithLocation(marker)
            .WithArguments("SEC-001", "All sensitive data must be encrypted using AES-256-GCM", problem);

    [Fact]
    public async Task ObsoleteConstructorAndShortTag_ReportSRA1002()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0053
            class C
            {
                const int Short = 12;
                object A(byte[] key) => {|#0:new AesGcm(key)|};
                object B(byte[] key) => {|#1:new AesGcm(key, Short)|};
                object D(byte[] key) => {|#2:new AesGcm(new System.ReadOnlySpan<byte>(key), 13)|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "new AesGcm(key) leaves the tag size to each Encrypt call"),
            Expect(1, "AesGcm is built with a 12-byte tag"),
            Expect(2, "AesGcm is built with a 13-byte tag"));
    }

    [Fact]
    public async Task SixteenByteOrRuntimeTag_StaysSilent()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                object A(byte[] key) => new AesGcm(key, 16);
                object B(byte[] key) => new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
                object D(byte[] key, int size) => new AesGcm(key, size);
                object E(byte[] key) => new AesCcm(key);
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task NoEncryptionControl_StaysSilent()
    {
        const string source = """
            #pragma warning disable SYSLIB0053
            class C { object A(byte[] key) => new System.Security.Cryptography.AesGcm(key); }
            """;

        await Verify.VerifyAsync(source, "controls:\n  - id: OPS-1\n    requirement: Back up nightly\n");
    }
}
