using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.CodeFixes.Encryption;
using Fix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.WeakSymmetricAlgorithmAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Encryption.LegacyCipherCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Encryption;

public class LegacyCipherCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    [Fact]
    public async Task RijndaelOneShot_UsingDeclaration_BecomesHelperCallWithAssignedKey()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    // Rijndael for the partner feed
                    using var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    des.Padding = PaddingMode.PKCS7; // the partner pads
                    /* CBC is the default */
                    des.Mode = CipherMode.CBC;
                    return des.EncryptCbc(data, iv); // whole record
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    // Rijndael for the partner feed
                    // the partner pads
                    /* CBC is the default */
                    return AesGcmEncryption.Encrypt(key, data); // whole record
                }
            }
            """;

        var titles = new List<string>();
        var test = Fix.Create(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.CodeActionEquivalenceKey = "SRA1001";
        test.CodeActionVerifier = (action, _) => titles.Add(action.Title);
        await test.RunAsync();
        Assert.Contains("Replace Rijndael with AES-256-GCM (AesGcmEncryption helper)", titles);
    }

    [Fact]
    public async Task ClassicEcbSnippet_KeyFromASha256OfAPassphrase_IsReplaced()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            static class Legacy
            {
                public static string Encrypt(string toEncrypt, string passphrase)
                {
                    byte[] toEncryptArray = UTF8Encoding.UTF8.GetBytes(toEncrypt);
                    byte[] keyArray = SHA256.HashData(UTF8Encoding.UTF8.GetBytes(passphrase));

                    RijndaelManaged tdes = {|SRA1001:new RijndaelManaged()|};
                    tdes.Key = keyArray;
                    tdes.Mode = CipherMode.ECB;
                    tdes.Padding = PaddingMode.PKCS7;

                    ICryptoTransform cTransform = tdes.CreateEncryptor();
                    byte[] resultArray = cTransform.TransformFinalBlock(toEncryptArray, 0, toEncryptArray.Length);
                    tdes.Clear();
                    return Convert.ToBase64String(resultArray, 0, resultArray.Length);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            static class Legacy
            {
                public static string Encrypt(string toEncrypt, string passphrase)
                {
                    byte[] toEncryptArray = UTF8Encoding.UTF8.GetBytes(toEncrypt);
                    byte[] keyArray = SHA256.HashData(UTF8Encoding.UTF8.GetBytes(passphrase));

                    byte[] resultArray = AesGcmEncryption.Encrypt(keyArray, toEncryptArray);
                    return Convert.ToBase64String(resultArray, 0, resultArray.Length);
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task RijndaelEncryptor_UsingStatement_IsFlattenedIntoTheMethod()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    // legacy format
                    using (var des = {|SRA1001:Rijndael.Create()|})
                    {
                        des.Key = key;
                        des.IV = iv;
                        des.Mode = CipherMode.CBC;
                        using var encryptor = des.CreateEncryptor();
                        var sealedData = encryptor.TransformFinalBlock(data, 0, data.Length);
                        return sealedData;
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    // legacy format
                    var sealedData = AesGcmEncryption.Encrypt(key, data);
                    return sealedData;
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task RijndaelEncryptorWithKeyArgument_NoUsing_ClearIsRemoved()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var rc2 = {|SRA1001:new RijndaelManaged()|};
                    ICryptoTransform encryptor = rc2.CreateEncryptor(key, iv);
                    var result = encryptor.TransformFinalBlock(data, 0, data.Length);
                    rc2.Clear();
                    return result;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var result = AesGcmEncryption.Encrypt(key, data);
                    return result;
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task RijndaelEcbOneShot_KeyFromAField_BecomesHelperCall()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                private readonly byte[] _key;

                Records(byte[] key) => _key = key;

                byte[] Seal(byte[] data)
                {
                    using var rijndael = {|SRA1001:Rijndael.Create()|};
                    rijndael.Key = _key;
                    rijndael.Mode = CipherMode.ECB;
                    return rijndael.EncryptEcb(data, PaddingMode.PKCS7);
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                private readonly byte[] _key;

                Records(byte[] key) => _key = key;

                byte[] Seal(byte[] data)
                {
                    return AesGcmEncryption.Encrypt(_key, data);
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task RijndaelManagedWithObjectInitializer_UsingStatement_KeyFromInitializer()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var header = new byte[] { 1 };
                    using (var rijndael = {|SRA1001:new RijndaelManaged { Key = key, Mode = CipherMode.CBC }|})
                    {
                        // CFB for historical reasons
                        return rijndael.EncryptCfb(data, iv, PaddingMode.PKCS7, 8);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var header = new byte[] { 1 };
                    // CFB for historical reasons
                    return AesGcmEncryption.Encrypt(key, data);
                }
            }
            """;

        var titles = new List<string>();
        var test = Fix.Create(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.CodeActionVerifier = (action, _) => titles.Add(action.Title);
        await test.RunAsync();
        Assert.Contains("Replace Rijndael with AES-256-GCM (AesGcmEncryption helper)", titles);
    }

    [Fact]
    public async Task BlankLinesAndCommentsOnRemovedStatements_Survive()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var header = data.Length;

                    var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;

                    var sealedData = des.EncryptCbc(data, iv);
                    Audit(header);
                    des.Dispose(); // release the handle
                    return sealedData;
                }

                void SealInto(byte[] key, byte[] iv, byte[] data, List<byte[]> output)
                {
                    var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    output.Add(des.EncryptCbc(data, iv));
                    // wipe the key
                    des.Clear();
                }

                static void Audit(int length) { }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    var header = data.Length;

                    var sealedData = AesGcmEncryption.Encrypt(key, data);
                    Audit(header);
                    // release the handle
                    return sealedData;
                }

                void SealInto(byte[] key, byte[] iv, byte[] data, List<byte[]> output)
                {
                    output.Add(AesGcmEncryption.Encrypt(key, data));
                    // wipe the key
                }

                static void Audit(int length) { }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task TwoInstancesInterleavedInOneMethod_FixAllKeepsEveryComment()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                (byte[], byte[]) Seal(byte[] desKey, byte[] rc2Key, byte[] iv, byte[] data)
                {
                    // the old partner
                    using var des = {|SRA1001:Rijndael.Create()|};
                    // the older partner
                    using var rc2 = {|SRA1001:Rijndael.Create()|};
                    des.Key = desKey; // rotated yearly
                    rc2.Key = rc2Key;
                    return (des.EncryptCbc(data, iv), rc2.EncryptCbc(data, iv));
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                (byte[], byte[]) Seal(byte[] desKey, byte[] rc2Key, byte[] iv, byte[] data)
                {
                    // the old partner
                    // the older partner
                    // rotated yearly
                    return (AesGcmEncryption.Encrypt(desKey, data), AesGcmEncryption.Encrypt(rc2Key, data));
                }
            }
            """;

        var test = Fix.Create(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task UsingStatementWhoseBodyNamesClash_KeepsTheBlock()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] data)
                {
                    if (data.Length == 0)
                    {
                        var sealedData = System.Array.Empty<byte>();
                        return sealedData;
                    }

                    using (Rijndael des = {|SRA1001:new RijndaelManaged()|})
                    {
                        var encryptor = des.CreateEncryptor(key, new byte[16]);
                        var sealedData = encryptor.TransformFinalBlock(data, 0, data.Length);
                        return sealedData;
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] data)
                {
                    if (data.Length == 0)
                    {
                        var sealedData = System.Array.Empty<byte>();
                        return sealedData;
                    }

                    {
                        var sealedData = AesGcmEncryption.Encrypt(key, data);
                        return sealedData;
                    }
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task NamedFactoryWithSuppression_IsReplaced()
    {
        const string source = """
            #nullable enable
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = (Rijndael){|SRA1001:CryptoConfig.CreateFromName("Rijndael")|}!;
                    des.Key = key;
                    return des.EncryptCbc(data, iv);
                }
            }
            """;
        const string fixedSource = """
            #nullable enable
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    return AesGcmEncryption.Encrypt(key, data);
                }
            }
            """;

        await Fix.VerifyAsync(source, fixedSource + "\n" + AesGcmHelper.ClassSource, Yaml);
    }

    [Fact]
    public async Task FixAll_AcrossDocuments_AddsTheHelperOnceInsideTheFileScopedNamespace()
    {
        const string first = """
            using System.Security.Cryptography;

            namespace App.Storage;

            class Records
            {
                byte[] SealDes(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    return des.EncryptCbc(data, iv);
                }

                byte[] SealRc2(byte[] key, byte[] iv, byte[] data)
                {
                    using var rc2 = {|SRA1001:Rijndael.Create()|};
                    using var encryptor = rc2.CreateEncryptor(key, iv);
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }
            }
            """;
        const string second = """
            using System.Security.Cryptography;

            namespace App.Web
            {
                class Other
                {
                    byte[] Seal(byte[] key, byte[] data)
                    {
                        using var des = {|SRA1001:Rijndael.Create()|};
                        des.Key = key;
                        return des.EncryptEcb(data, PaddingMode.PKCS7);
                    }
                }
            }
            """;
        const string firstFixed = """
            using System.Security.Cryptography;

            namespace App.Storage;

            class Records
            {
                byte[] SealDes(byte[] key, byte[] iv, byte[] data)
                {
                    return AesGcmEncryption.Encrypt(key, data);
                }

                byte[] SealRc2(byte[] key, byte[] iv, byte[] data)
                {
                    return AesGcmEncryption.Encrypt(key, data);
                }
            }
            """;
        const string secondFixed = """
            using System.Security.Cryptography;

            namespace App.Web
            {
                class Other
                {
                    byte[] Seal(byte[] key, byte[] data)
                    {
                        return App.Storage.AesGcmEncryption.Encrypt(key, data);
                    }
                }
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
    public async Task HelperAlreadyInTheProject_IsReused()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    return des.EncryptCbc(data, iv);
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    return Security.AesGcmEncryption.Encrypt(key, data);
                }
            }
            """;
        var helper = "namespace Security\n{\n" + AesGcmHelper.ClassSource + "\n}\n";

        var test = Fix.Create(source, fixedSource, Yaml);
        test.TestState.Sources.Add(("/0/Helper.cs", helper));
        test.FixedState.Sources.Add(("/0/Helper.cs", helper));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("des.Key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };")]
    [InlineData("des.Key = System.Text.Encoding.UTF8.GetBytes(\"secret-3des-key-24bytes!\");")]
    [InlineData("des.Key = Fixed;")]
    [InlineData("des.GenerateKey();")]
    [InlineData("des.Key = key; key = Derive();")]
    [InlineData("des.Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);")]
    [InlineData("des.Key = MD5.HashData(key);")]
    [InlineData("des.Key = new byte[16];")]
    [InlineData("")]
    public async Task KeyLiteralUnassignedLostOrNot32Bytes_OffersNoFix(string keyStatement)
    {
        var source = $$"""
            using System.Security.Cryptography;
            class Records
            {
                private static readonly byte[] Fixed = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8 };

                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    {{keyStatement}}
                    return des.EncryptCbc(data, iv);
                }

                static byte[] Derive() => new byte[24];
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task OtherUsesFieldsAndUnknownShapes_OfferNoFix()
    {
        const string source = """
            using System.IO;
            using System.Security.Cryptography;
            class Records
            {
                private readonly Rijndael _des = {|SRA1001:Rijndael.Create()|};

                byte[] Field(byte[] key, byte[] iv, byte[] data)
                {
                    _des.Key = key;
                    return _des.EncryptCbc(data, iv);
                }

                byte[] PassedOn(byte[] key, byte[] iv, byte[] data)
                {
                    using var rc2 = {|SRA1001:Rijndael.Create()|};
                    rc2.Key = key;
                    Log(rc2);
                    return rc2.EncryptCbc(data, iv);
                }

                byte[] ReadsIv(byte[] key, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    return des.EncryptCbc(data, des.IV);
                }

                byte[] ConditionalSetting(byte[] key, byte[] iv, byte[] data, bool ecb)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    des.Key = key;
                    if (ecb)
                    {
                        des.Mode = CipherMode.ECB;
                    }

                    return des.EncryptCbc(data, iv);
                }

                byte[] InSwitchSection(int version, byte[] key, byte[] iv, byte[] data)
                {
                    switch (version)
                    {
                        case 1:
                            var des = {|SRA1001:Rijndael.Create()|};
                            des.Key = key;
                            return des.EncryptCbc(data, iv);
                        default:
                            return data;
                    }
                }

                byte[] KeyAfterEncryption(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    var sealedData = des.EncryptCbc(data, iv);
                    des.Key = key;
                    return sealedData;
                }

                byte[] EncryptorInUsingStatement(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    using (var encryptor = des.CreateEncryptor(key, iv))
                    {
                        return encryptor.TransformFinalBlock(data, 0, data.Length);
                    }
                }

                void Stream(byte[] key, byte[] iv, Stream output)
                {
                    using var des = {|SRA1001:Rijndael.Create()|};
                    using var crypto = new CryptoStream(output, des.CreateEncryptor(key, iv), CryptoStreamMode.Write);
                }

                static void Log(SymmetricAlgorithm algorithm) { }
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task DesTripleDesAndRc2_OfferNoFix_TheirKeysCannotBeAes256Keys()
    {
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Des(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:DES.Create()|};
                    des.Key = key;
                    return des.EncryptCbc(data, iv);
                }

                byte[] TripleDes(byte[] key, byte[] iv, byte[] data)
                {
                    using var des = {|SRA1001:TripleDES.Create()|};
                    using var encryptor = des.CreateEncryptor(key, iv);
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }

                byte[] Rc2(byte[] key, byte[] iv, byte[] data)
                {
                    var rc2 = {|SRA1001:new RC2CryptoServiceProvider()|};
                    rc2.Key = key;
                    return rc2.EncryptCbc(data, iv);
                }
            }
            """;

        await Fix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task ProjectThatDecryptsWithASymmetricAlgorithm_OffersNoFix()
    {
        // Records.Open reads what Seal writes; AES-GCM output would make every new record unreadable.
        const string source = """
            using System.Security.Cryptography;
            class Records
            {
                byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    using var rijndael = {|SRA1001:Rijndael.Create()|};
                    rijndael.Key = key;
                    return rijndael.EncryptCbc(data, iv);
                }
            }
            """;
        const string reader = """
            using System.Security.Cryptography;
            class Reader
            {
                byte[] Open(Aes aes, byte[] iv, byte[] sealedData) => aes.DecryptCbc(sealedData, iv);
            }
            """;

        var test = Fix.Create(source, source, Yaml);
        test.TestState.Sources.Add(("/0/Reader.cs", reader));
        test.FixedState.Sources.Add(("/0/Reader.cs", reader));
        await test.RunAsync();
    }
}
