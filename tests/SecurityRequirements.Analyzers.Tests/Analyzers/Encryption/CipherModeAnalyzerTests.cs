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

    private const string Assignment = "this Mode assignment";

    private static DiagnosticResult Expect(int marker, string subject, string algorithm, string mode) =>
        Verify.Diagnostic(DiagnosticDescriptors.NonAeadCipherMode).WithLocation(marker).WithArguments("SEC-001", Requirement, subject, algorithm, mode, Advice);

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
                    {|#1:aes.Mode = CipherMode.CBC|};
                    {|#2:aes.Mode = CipherMode.ECB|};
                    aes.Key = key;
                    return {|#3:aes.CreateEncryptor()|};
                }

            #pragma warning disable SYSLIB0022, SYSLIB0021
                ICryptoTransform Initializer() 
                {
                    SymmetricAlgorithm aes = new AesManaged { {|#4:Mode = CipherMode.CFB|} };
                    return {|#5:aes.CreateEncryptor()|};
                }

                byte[] OneShot(Aes aes, byte[] data, byte[] iv) => {|#6:aes.EncryptCbc(data, iv)|};
                byte[] OneShotEcb(Aes aes, byte[] data) => {|#7:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                ICryptoTransform Parameter(Aes aes) => {|#8:aes.CreateEncryptor()|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "CreateEncryptor", "Aes", "CBC mode (the default)"),
            Expect(1, Assignment, "Aes", "CBC mode"),
            Expect(2, Assignment, "Aes", "ECB mode"),
            Expect(3, "CreateEncryptor", "Aes", "ECB mode"),
            Expect(4, Assignment, "AesManaged", "CFB mode"),
            Expect(5, "CreateEncryptor", "SymmetricAlgorithm", "CFB mode"),
            Expect(6, "EncryptCbc", "Aes", "CBC mode"),
            Expect(7, "EncryptEcb", "Aes", "ECB mode"),
            Expect(8, "CreateEncryptor", "Aes", "the mode set where it was made (CBC by default)"));
    }

    [Fact]
    public async Task ModeAssignments_AreReportedWhereWritten_OnEveryAlgorithmAndThroughLocals()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021, SYSLIB0022, SYSLIB0045
            class C
            {
                void Configure(Aes aes) => {|#0:aes.Mode = CipherMode.ECB|};

                void Legacy()
                {
                    var des = new DESCryptoServiceProvider();
                    {|#1:des.Mode = CipherMode.OFB|};
                }

                void ThroughALocal()
                {
                    var cipherMode = CipherMode.OFB;
                    var aes = new AesManaged { KeySize = 256, {|#2:Mode = cipherMode|}, Padding = PaddingMode.PKCS7 };
                    var other = new AesManaged { {|#3:Mode = CipherMode.CTS|} };
                }

                private const CipherMode Chosen = CipherMode.ECB;
                void ThroughAConstant(SymmetricAlgorithm algorithm) => {|#4:algorithm.Mode = Chosen|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, Assignment, "Aes", "ECB mode"),
            Expect(1, Assignment, "DESCryptoServiceProvider", "OFB mode"),
            Expect(2, Assignment, "AesManaged", "OFB mode"),
            Expect(3, Assignment, "AesManaged", "CTS mode"),
            Expect(4, Assignment, "SymmetricAlgorithm", "ECB mode"));
    }

    [Fact]
    public async Task ConfigureAndReturnHelpers_ReportTheCreation_AndEncryptorsNameTheHelpersMode()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021
            class C
            {
                private static Aes CreateCipher(byte[] key)
                {
                    var aes = {|#0:Aes.Create()|};
                    aes.Key = key;
                    {|#1:aes.Mode = CipherMode.ECB|};
                    return aes;
                }

                private static Aes Plain(byte[] key) => {|#2:new AesCryptoServiceProvider { Key = key }|};

                byte[] Seal(byte[] key, byte[] data)
                {
                    using var aes = CreateCipher(key);
                    return {|#3:aes.CreateEncryptor()|}.TransformFinalBlock(data, 0, data.Length);
                }

                byte[] SealInline(byte[] key, byte[] data) => {|#4:CreateCipher(key).CreateEncryptor()|}.TransformFinalBlock(data, 0, data.Length);

                byte[] SealPlain(byte[] key, byte[] data) => {|#5:Plain(key).CreateEncryptor()|}.TransformFinalBlock(data, 0, data.Length);
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "the object made by Aes.Create() and returned by CreateCipher", "Aes", "ECB mode"),
            Expect(1, Assignment, "Aes", "ECB mode"),
            Expect(2, "the object made by new AesCryptoServiceProvider() and returned by Plain", "AesCryptoServiceProvider", "CBC mode (the default)"),
            Expect(3, "CreateEncryptor", "Aes", "ECB mode"),
            Expect(4, "CreateEncryptor", "Aes", "ECB mode"),
            Expect(5, "CreateEncryptor", "Aes", "CBC mode (the default)"));
    }

    [Fact]
    public async Task ObjectsStoredInFields_AreReportedAtCreationUnlessTheTypeEncryptsOrDecryptsWithThem()
    {
        const string source = """
            using System.Security.Cryptography;
            class Exposed
            {
                private readonly Aes _aes = {|#0:Aes.Create()|};
                public Aes Algorithm => _aes;
            }

            class Sealer
            {
                private readonly Aes _aes;
                public Sealer(byte[] key)
                {
                    _aes = Aes.Create();
                    {|#1:_aes.Mode = CipherMode.CFB|};
                    _aes.Key = key;
                }

                public byte[] Seal(byte[] data) => {|#2:_aes.CreateEncryptor()|}.TransformFinalBlock(data, 0, data.Length);
            }

            class Reader
            {
                private readonly Aes _aes;
                public Reader(byte[] key)
                {
                    _aes = Aes.Create();
                    _aes.Mode = CipherMode.CBC;
                    _aes.Key = key;
                }

                public byte[] Open(byte[] data, byte[] iv) => _aes.DecryptCbc(data, iv);
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "the object made by Aes.Create() and stored in _aes", "Aes", "CBC mode (the default)"),
            Expect(1, Assignment, "Aes", "CFB mode"),
            Expect(2, "CreateEncryptor", "Aes", "CFB mode"));
    }

    [Fact]
    public async Task DynamicAesObjects_AreSeenThroughTheirStaticType()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                object M(byte[] key)
                {
                    dynamic aes = Aes.Create();
                    {|#0:aes.Mode = CipherMode.ECB|};
                    aes.Key = key;
                    return {|#1:aes.CreateEncryptor()|};
                }

                object Cast(Aes aes) => {|#2:((dynamic)aes).CreateEncryptor()|};
                object Unknown(dynamic something) => something.CreateEncryptor();
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, Assignment, "Aes (through dynamic)", "ECB mode"),
            Expect(1, "CreateEncryptor", "Aes (through dynamic)", "ECB mode"),
            Expect(2, "CreateEncryptor", "Aes (through dynamic)", "the mode set where it was made (CBC by default)"));
    }

    [Fact]
    public async Task DecryptionAesGcmLegacyTypesAndLocalObjects_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0022
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

                byte[] DecryptOnly(byte[] key, byte[] iv, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Mode = CipherMode.CBC;
                    using var decryptor = aes.CreateDecryptor(key, iv);
                    return decryptor.TransformFinalBlock(data, 0, data.Length);
                }

                byte[] DecryptInitializer(byte[] key, byte[] iv, byte[] data)
                {
                    using var rijndael = new RijndaelManaged { Mode = CipherMode.CBC, Padding = PaddingMode.PKCS7 };
                    return rijndael.CreateDecryptor(key, iv).TransformFinalBlock(data, 0, data.Length);
                }

                void RunTime(Aes aes, CipherMode mode) => aes.Mode = mode;

                byte[] Passed(byte[] key) { using var aes = Aes.Create(); aes.Key = key; return Use(aes); }
                static byte[] Use(SymmetricAlgorithm algorithm) => algorithm.Key;
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task NoFile_BaselineReports_AndNoneSeverityDoesNot()
    {
        const string source = "class C { object M() => {|#0:System.Security.Cryptography.Aes.Create().CreateEncryptor()|}; }";
        await Verify.VerifyAsync(source, yaml: null, Expect(0, "CreateEncryptor", "Aes", "CBC mode (the default)"));

        const string silent = "class C { object M(System.Security.Cryptography.Aes aes) { aes.Mode = System.Security.Cryptography.CipherMode.ECB; return aes.CreateEncryptor(); } }";
        await Verify.VerifyAsync(silent, Yaml + "\n    severity: none\n");
    }
}
