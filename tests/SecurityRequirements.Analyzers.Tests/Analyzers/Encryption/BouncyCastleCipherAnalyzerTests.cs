using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.BouncyCastleCipherAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class BouncyCastleCipherAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string Yaml = """
        controls:
          - id: SEC-001
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
        """;

    private static readonly ReferenceAssemblies WithBouncyCastle = Verifiers.TestReferences.Get("BouncyCastle");

    private static DiagnosticResult Expect(int marker, string subject, string problem) =>
        Verify.Diagnostic(DiagnosticDescriptors.BouncyCastleNonAead).WithLocation(marker).WithArguments("SEC-001", Requirement, subject, problem, "256");

    private static async Task RunAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, Yaml);
        test.TestState.ReferenceAssemblies = WithBouncyCastle;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task LegacyEnginesAndModes_ReportSRA1009()
    {
        const string source = """
            using Org.BouncyCastle.Crypto;
            using Org.BouncyCastle.Crypto.Engines;
            using Org.BouncyCastle.Crypto.Modes;
            using Org.BouncyCastle.Security;
            #pragma warning disable CS0618
            class C
            {
                object A() => {|#0:new DesEngine()|};
                object B() => {|#1:new DesEdeEngine()|};
                object D() => new PaddedBufferedBlockCipherHolder({|#2:new CbcBlockCipher(new AesEngine())|});
                object E() => {|#3:CipherUtilities.GetCipher("AES/CBC/PKCS7Padding")|};
                object F() => {|#4:CipherUtilities.GetCipher("DESede/ECB/PKCS5Padding")|};
            }
            class PaddedBufferedBlockCipherHolder { public PaddedBufferedBlockCipherHolder(object o) { } }
            """;

        await RunAsync(source,
            Expect(0, "DesEngine", "a 56-bit legacy cipher"),
            Expect(1, "DesEdeEngine", "Triple DES, a 64-bit-block legacy cipher"),
            Expect(2, "CbcBlockCipher", "CBC mode, which does not authenticate the ciphertext"),
            Expect(3, "CipherUtilities.GetCipher(\"AES/CBC/PKCS7Padding\")", "CBC mode, which does not authenticate the ciphertext"),
            Expect(4, "CipherUtilities.GetCipher(\"DESede/ECB/PKCS5Padding\")", "a legacy cipher (DESEDE)"));
    }

    [Fact]
    public async Task GcmOverAes_StaysSilent()
    {
        const string source = """
            using Org.BouncyCastle.Crypto.Engines;
            using Org.BouncyCastle.Crypto.Modes;
            using Org.BouncyCastle.Security;
            #pragma warning disable CS0618
            class C
            {
                object A() => new GcmBlockCipher(new AesEngine());
                object B() => CipherUtilities.GetCipher("AES/GCM/NoPadding");
                object D() => new ChaCha20Poly1305();
            }
            """;

        await RunAsync(source);
    }

    [Fact]
    public async Task WithoutBouncyCastle_RegistersNothing()
    {
        await Verify.VerifyAsync("class C { }", Yaml);
    }
}
