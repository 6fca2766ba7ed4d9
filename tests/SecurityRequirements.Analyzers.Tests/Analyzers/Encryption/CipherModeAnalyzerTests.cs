using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.CipherModeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class CipherModeAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string Advice = "use AesGcm with a 256-bit key, a random 12-byte nonce from RandomNumberGenerator and a 16-byte tag";
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private static DiagnosticResult Expect(int marker, string api, string algorithm, string mode) =>
        Verify.Diagnostic(DiagnosticDescriptors.NonAeadCipherMode).WithLocation(marker).WithArguments("SEC-001", Requirement, api, algorithm, mode, Advice);

    [Fact]
    public async Task EncryptorAndOneShotApis_ReportSRA1003WithMode()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] Default(byte[] key, byte[] iv, byte[] data)
                {
                    using var aes = Aes.Create();
                    using var encryptor = {|#0:aes.CreateEncryptor(key, iv)|};
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }

                ICryptoTransform Ecb(byte[] key)
                {
                    var aes = Aes.Create();
                    aes.Mode = CipherMode.CBC;
                    aes.Mode = CipherMode.ECB;
                    aes.Key = key;
                    return {|#1:aes.CreateEncryptor()|};
                }

            #pragma warning disable SYSLIB0022, SYSLIB0021
                ICryptoTransform Initializer() 
                {
                    SymmetricAlgorithm aes = new AesManaged { Mode = CipherMode.CFB };
                    return {|#2:aes.CreateEncryptor()|};
                }

                byte[] OneShot(Aes aes, byte[] data, byte[] iv) => {|#3:aes.EncryptCbc(data, iv)|};
                byte[] OneShotEcb(Aes aes, byte[] data) => {|#4:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "CreateEncryptor", "Aes", "CBC (the default)"),
            Expect(1, "CreateEncryptor", "Aes", "ECB"),
            Expect(2, "CreateEncryptor", "SymmetricAlgorithm", "CFB"),
            Expect(3, "EncryptCbc", "Aes", "CBC"),
            Expect(4, "EncryptEcb", "Aes", "ECB"));
    }

    [Fact]
    public async Task DecryptionAesGcmAndLegacyTypes_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] Decrypt(Aes aes, byte[] data, byte[] iv) => aes.DecryptCbc(data, iv);
                ICryptoTransform Decryptor(Aes aes) => aes.CreateDecryptor();
                void Gcm(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag)
                {
                    using var gcm = new AesGcm(key, 16);
                    gcm.Encrypt(nonce, plaintext, ciphertext, tag);
                }

                ICryptoTransform Legacy(TripleDES des) => des.CreateEncryptor();
                string Name => nameof(Aes.CreateEncryptor);
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task RunTimeMode_IsNamedAsSuch()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                ICryptoTransform M(CipherMode mode)
                {
                    var aes = Aes.Create();
                    aes.Mode = mode;
                    return {|#0:aes.CreateEncryptor()|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml, Expect(0, "CreateEncryptor", "Aes", "a run-time"));
    }

    [Fact]
    public async Task NoFile_BaselineReports_AndNoneSeverityDoesNot()
    {
        const string source = "class C { object M(System.Security.Cryptography.Aes aes) => {|#0:aes.CreateEncryptor()|}; }";
        await Verify.VerifyAsync(source, yaml: null, Expect(0, "CreateEncryptor", "Aes", "CBC (the default)"));

        const string silent = "class C { object M(System.Security.Cryptography.Aes aes) => aes.CreateEncryptor(); }";
        await Verify.VerifyAsync(silent, Yaml + "\n    severity: none\n");
    }
}
