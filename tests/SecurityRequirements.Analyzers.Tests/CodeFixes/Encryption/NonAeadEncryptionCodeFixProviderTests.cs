using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.CodeFixes.Encryption;
using Fix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.CipherModeAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Encryption.NonAeadEncryptionCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Encryption;

public class NonAeadEncryptionCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    [Fact]
    public async Task OneShotAndEncryptorPatterns_BecomeAesGcmHelperCalls_HelperAddedOnce()
    {
        const string first = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(Aes aes, byte[] data, byte[] iv)
                {
                    // CBC today
                    return {|SRA1003:aes.EncryptCbc(data, iv)|};
                }

                byte[] Legacy(byte[] key, byte[] iv, byte[] data)
                {
                    using var aes = Aes.Create();
                    using var encryptor = {|SRA1003:aes.CreateEncryptor(key, iv)|};
                    return encryptor.TransformFinalBlock(data, 0, data.Length); // whole buffer
                }
            }
            """;
        const string second = """
            using System.Security.Cryptography;
            class Other
            {
                byte[] Seal(Aes aes, byte[] data) => {|SRA1003:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
            }
            """;
        const string firstFixed = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(Aes aes, byte[] data, byte[] iv)
                {
                    // CBC today
                    return AesGcmEncryption.Encrypt(aes.Key, data);
                }

                byte[] Legacy(byte[] key, byte[] iv, byte[] data)
                {
                    return AesGcmEncryption.Encrypt(key, data); // whole buffer
                }
            }
            """;
        const string secondFixed = """
            using System.Security.Cryptography;
            class Other
            {
                byte[] Seal(Aes aes, byte[] data) => AesGcmEncryption.Encrypt(aes.Key, data);
            }
            """;

        var test = Fix.Create(first, firstFixed + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.FixedState.Sources.Add(("/0/Test1.cs", secondFixed));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task FileScopedNamespace_HelperGoesInsideAndOtherNamespacesQualifyIt()
    {
        const string first = """
            using System.Security.Cryptography;

            namespace App.Storage;

            class Records
            {
                byte[] Seal(Aes aes, byte[] data, byte[] iv) => {|SRA1003:aes.EncryptCbc(data, iv)|};
            }
            """;
        const string second = """
            using System.Security.Cryptography;

            namespace App.Web
            {
                class Other
                {
                    byte[] Seal(Aes aes, byte[] data) => {|SRA1003:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
                }
            }
            """;
        const string firstFixed = """
            using System.Security.Cryptography;

            namespace App.Storage;

            class Records
            {
                byte[] Seal(Aes aes, byte[] data, byte[] iv) => AesGcmEncryption.Encrypt(aes.Key, data);
            }
            """;
        const string secondFixed = """
            using System.Security.Cryptography;

            namespace App.Web
            {
                class Other
                {
                    byte[] Seal(Aes aes, byte[] data) => App.Storage.AesGcmEncryption.Encrypt(aes.Key, data);
                }
            }
            """;

        var test = Fix.Create(first, firstFixed + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.FixedState.Sources.Add(("/0/Test1.cs", secondFixed));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task UnrecognisedShape_OffersNoFix()
    {
        const string source = """
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                void Stream(Aes aes, Stream output)
                {
                    using var crypto = new CryptoStream(output, {|SRA1003:aes.CreateEncryptor()|}, CryptoStreamMode.Write);
                }

                byte[] Call(byte[] data) => {|SRA1003:Aes.Create().EncryptCbc(data, new byte[16])|};
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task KeyOfAnotherSizeLostOrReadBackByTheProject_OffersNoFix()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                static readonly byte[] ShortKey = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

                byte[] KnownShortKey(byte[] data, byte[] iv)
                {
                    using var aes = Aes.Create();
                    aes.Key = ShortKey;
                    return {|SRA1003:aes.EncryptCbc(data, iv)|};
                }

                byte[] KeySize128(Aes aes, byte[] data, byte[] iv)
                {
                    aes.KeySize = 128;
                    return {|SRA1003:aes.EncryptCbc(data, iv)|};
                }

                byte[] HashedPassphraseKey(byte[] passphrase, byte[] data, byte[] iv)
                {
                    var key = MD5.HashData(passphrase);
                    using var aes = Aes.Create();
                    using var encryptor = {|SRA1003:aes.CreateEncryptor(key, iv)|};
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }

                // Aes.Create() makes a random key that nothing reads: nothing could decrypt the result.
                byte[] RandomKeyLost(byte[] data, byte[] iv)
                {
                    using var aes = Aes.Create();
                    {|SRA1003:aes.Mode = CipherMode.CBC|};
                    return {|SRA1003:aes.EncryptCbc(data, iv)|};
                }
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task ProjectThatDecryptsWhatItEncrypts_OffersNoFix()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(Aes aes, byte[] data, byte[] iv) => {|SRA1003:aes.EncryptCbc(data, iv)|};

                byte[] Open(Aes aes, byte[] sealedData, byte[] iv)
                {
                    using var decryptor = aes.CreateDecryptor();
                    return decryptor.TransformFinalBlock(sealedData, 0, sealedData.Length);
                }
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task LocalInstanceUsedAgain_KeepsItsSettingsAndGivesItsKey()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                (byte[] Key, byte[] Sealed) Seal(byte[] data, byte[] iv)
                {
                    using var aes = Aes.Create();
                    {|SRA1003:aes.Mode = CipherMode.CBC|};
                    var sealedData = {|SRA1003:aes.EncryptCbc(data, iv)|};
                    return (aes.Key, sealedData);
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                (byte[] Key, byte[] Sealed) Seal(byte[] data, byte[] iv)
                {
                    using var aes = Aes.Create();
                    {|SRA1003:aes.Mode = CipherMode.CBC|};
                    var sealedData = AesGcmEncryption.Encrypt(aes.Key, data);
                    return (aes.Key, sealedData);
                }
            }
            """;

        // The Mode assignment stays reported after the fix: the object is still used for its key, and a Mode setting
        // is the user's to remove once nothing encrypts with it (the fix does not guess).
        var test = Fix.Create(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }
}
