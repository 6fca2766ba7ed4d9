namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// The encryption fixes applied with Fix All to a project of several files, compiled against .NET, loaded and run:
/// what the fixed code encrypts is decrypted with the same key, tags follow the tag size, keys that reach the
/// AES-GCM helper are 32 bytes, and no cipher setting is left on an object nothing uses.
/// </summary>
public class EncryptionFixRuntimeTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
        """;

    [Fact]
    public async Task Sra1002_TagBuffersGrowWithTheTagSize_AndSealThenOpenRoundTrips()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.For("SRA1002"),
            ("Vault.cs", """
                using System.Security.Cryptography;

                namespace App;

                public sealed record Sealed(byte[] Nonce, byte[] Ciphertext, byte[] Tag);

                public static class Vault
                {
                    public static Sealed Seal(byte[] key, byte[] plaintext)
                    {
                        var nonce = RandomNumberGenerator.GetBytes(12);
                        var ciphertext = new byte[plaintext.Length];
                        var tag = new byte[12];
                        using var aes = new AesGcm(key, 12);
                        aes.Encrypt(nonce, plaintext, ciphertext, tag);
                        return new Sealed(nonce, ciphertext, tag);
                    }

                    public static Sealed SealOnStack(byte[] key, byte[] plaintext)
                    {
                        var nonce = RandomNumberGenerator.GetBytes(12);
                        var ciphertext = new byte[plaintext.Length];
                        Span<byte> tag = stackalloc byte[13];
                        using (var aes = new AesGcm(key, 13))
                        {
                            aes.Encrypt(nonce, plaintext, ciphertext, tag);
                        }

                        return new Sealed(nonce, ciphertext, tag.ToArray());
                    }
                }
                """),
            ("Reader.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Reader
                {
                    public static byte[] Open(byte[] key, Sealed data)
                    {
                        var plaintext = new byte[data.Ciphertext.Length];
                        using var aes = new AesGcm(key, 12);
                        aes.Decrypt(data.Nonce, data.Ciphertext, data.Tag, plaintext);
                        return plaintext;
                    }
                }
                """));

        Assert.Empty(fixedProject.Remaining.Where(d => d.Id == "SRA1002"));
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using System.Security.Cryptography;
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var key = RandomNumberGenerator.GetBytes(32);
                    var message = "attack at dawn"u8.ToArray();
                    var first = Vault.Seal(key, message);
                    var second = Vault.SealOnStack(key, message);
                    var opened = Reader.Open(key, first).SequenceEqual(message) && Reader.Open(key, second).SequenceEqual(message);
                    first.Ciphertext[0] ^= 1;
                    var tamperRejected = false;
                    try { Reader.Open(key, first); } catch (AuthenticationTagMismatchException) { tamperRejected = true; }
                    return $"tags {first.Tag.Length}/{second.Tag.Length}, round trip {opened}, tamper rejected {tamperRejected}";
                }
            }
            """);

        Assert.Equal("tags 16/16, round trip True, tamper rejected True", result);
    }

    [Fact]
    public async Task Sra1002_TagBufferTheMethodCannotSee_OffersNoFix()
    {
        const string source = """
            using System.Security.Cryptography;

            namespace App;

            public static class Vault
            {
                // The caller sizes the tag: a 16-byte tag size would make its 12-byte buffer throw.
                public static void SealInto(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag)
                {
                    using var aes = new AesGcm(key, 12);
                    aes.Encrypt(nonce, plaintext, ciphertext, tag);
                }

                // Copies 12 bytes of the tag next to the buffer: a 16-byte tag would be cut short.
                public static byte[] SealCopied(byte[] key, byte[] nonce, byte[] plaintext)
                {
                    var output = new byte[plaintext.Length + 12];
                    var tag = new byte[12];
                    using var aes = new AesGcm(key, 12);
                    aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), tag);
                    Buffer.BlockCopy(tag, 0, output, plaintext.Length, 12);
                    return output;
                }

                // Leaves the method: its users size the tags.
                public static AesGcm Cipher(byte[] key) => new AesGcm(key, 12);
            }
            """;

        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.For("SRA1002"), ("Vault.cs", source), ("Other.cs", "namespace App; public static class Other { }"));

        Assert.Empty(fixedProject.Applied);
        Assert.Equal(3, fixedProject.Remaining.Count(d => d.Id == "SRA1002"));
        Assert.Equal(source, await fixedProject.TextAsync("Vault.cs"));
    }

    [Fact]
    public async Task Sra1006_NonceStoredWithTheCiphertext_IsRefilledPerMessage_AndOpens()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.For("SRA1006"),
            ("Vault.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Vault
                {
                    public static byte[] Seal(byte[] key, byte[] plaintext)
                    {
                        var nonce = new byte[12];
                        var ciphertext = new byte[plaintext.Length];
                        var tag = new byte[16];
                        using var aes = new AesGcm(key, 16);
                        aes.Encrypt(nonce, plaintext, ciphertext, tag);
                        return [.. nonce, .. ciphertext, .. tag];
                    }

                    public static List<byte[]> SealAll(AesGcm aes, IEnumerable<byte[]> messages)
                    {
                        var sealedMessages = new List<byte[]>();
                        var nonce = RandomNumberGenerator.GetBytes(12);
                        foreach (var message in messages)
                        {
                            var ciphertext = new byte[message.Length];
                            var tag = new byte[16];
                            aes.Encrypt(nonce, message, ciphertext, tag);
                            sealedMessages.Add([.. nonce, .. ciphertext, .. tag]);
                        }

                        return sealedMessages;
                    }
                }
                """),
            ("Reader.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Reader
                {
                    public static byte[] Open(byte[] key, byte[] sealedData)
                    {
                        var plaintext = new byte[sealedData.Length - 28];
                        using var aes = new AesGcm(key, 16);
                        aes.Decrypt(sealedData.AsSpan(0, 12), sealedData.AsSpan(12, plaintext.Length), sealedData.AsSpan(12 + plaintext.Length), plaintext);
                        return plaintext;
                    }
                }
                """));

        Assert.Empty(fixedProject.Remaining.Where(d => d.Id == "SRA1006"));
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using System.Security.Cryptography;
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var key = RandomNumberGenerator.GetBytes(32);
                    var message = "attack at dawn"u8.ToArray();
                    var first = Vault.Seal(key, message);
                    var second = Vault.Seal(key, message);
                    using var aes = new AesGcm(key, 16);
                    var batch = Vault.SealAll(aes, [message, message, message]);
                    var nonces = new[] { first, second }.Concat(batch).Select(s => Convert.ToHexString(s, 0, 12)).ToList();
                    var opened = new[] { first, second }.Concat(batch).All(s => Reader.Open(key, s).SequenceEqual(message));
                    return $"distinct nonces {nonces.Distinct().Count()}/{nonces.Count}, zero nonce {nonces.Contains(new string('0', 24))}, all open {opened}";
                }
            }
            """);

        Assert.Equal("distinct nonces 5/5, zero nonce False, all open True", result);
    }

    [Fact]
    public async Task Sra1006_NonceThatIsNotKept_OffersNoFix_AndTheCodeStillDecrypts()
    {
        // A fresh random nonce here would be thrown away: Open could never decrypt again. The diagnostic stays, the code keeps working.
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.For("SRA1006"),
            ("Vault.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Vault
                {
                    internal static readonly byte[] SharedNonce = new byte[12];

                    public static byte[] Seal(byte[] key, byte[] plaintext)
                    {
                        var ciphertext = new byte[plaintext.Length];
                        var tag = new byte[16];
                        using var aes = new AesGcm(key, 16);
                        aes.Encrypt(SharedNonce, plaintext, ciphertext, tag);
                        return [.. ciphertext, .. tag];
                    }

                    public static byte[] SealLocal(byte[] key, byte[] plaintext)
                    {
                        var nonce = new byte[12];
                        var ciphertext = new byte[plaintext.Length];
                        var tag = new byte[16];
                        using var aes = new AesGcm(key, 16);
                        aes.Encrypt(nonce, plaintext, ciphertext, tag);
                        return [.. ciphertext, .. tag];
                    }
                }
                """),
            ("Reader.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Reader
                {
                    public static byte[] Open(byte[] key, byte[] sealedData)
                    {
                        var plaintext = new byte[sealedData.Length - 16];
                        using var aes = new AesGcm(key, 16);
                        aes.Decrypt(Vault.SharedNonce, sealedData.AsSpan(0, plaintext.Length), sealedData.AsSpan(plaintext.Length), plaintext);
                        return plaintext;
                    }
                }
                """));

        Assert.Equal(2, fixedProject.Remaining.Count(d => d.Id == "SRA1006"));
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using System.Security.Cryptography;
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var key = RandomNumberGenerator.GetBytes(32);
                    var message = "attack at dawn"u8.ToArray();
                    return $"{Reader.Open(key, Vault.Seal(key, message)).SequenceEqual(message)} {Reader.Open(key, Vault.SealLocal(key, message)).SequenceEqual(message)}";
                }
            }
            """);

        Assert.Equal("True True", result);
    }

    [Fact]
    public async Task Sra1004AndSra1003_ShortKnownKey_IsNotHandedToTheHelper_AndTheCodesOwnReadPathStillDecrypts()
    {
        // The Noncompliant sample's shape: KeySize 128, a 16-byte key, CBC, read back by a waived legacy decryptor.
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, [.. Fixers.For("SRA1004"), .. Fixers.For("SRA1003")],
            ("WeakEncryption.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class WeakEncryption
                {
                    internal static readonly byte[] FixedAesKey =
                    [
                        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
                    ];

                    private static readonly byte[] FixedIv = new byte[16];

                    public static byte[] EncryptWithAesCbc(byte[] plaintext)
                    {
                        using var aes = Aes.Create();
                        aes.KeySize = 128;
                        aes.Key = FixedAesKey;
                        aes.Mode = CipherMode.CBC;
                        aes.IV = FixedIv;
                        using var encryptor = aes.CreateEncryptor();
                        return encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
                    }
                }
                """),
            ("Legacy.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Legacy
                {
                    public static byte[] DecryptV1(byte[] ciphertext)
                    {
                        using var aes = Aes.Create();
                        aes.Key = WeakEncryption.FixedAesKey;
                        return aes.DecryptCbc(ciphertext, new byte[16]);
                    }
                }
                """));

        Assert.Contains("SRA1003", fixedProject.RemainingIds);
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using App;

            public static class Harness
            {
                public static string Run() =>
                    System.Text.Encoding.UTF8.GetString(Legacy.DecryptV1(WeakEncryption.EncryptWithAesCbc("attack at dawn"u8.ToArray())));
            }
            """);

        Assert.Equal("attack at dawn", result);
        await DeadCipherSettings.AssertNoneAsync(fixedProject.Project);
    }

    [Fact]
    public async Task Sra1004AndSra1003_ProvisionedKey_TheInstanceGoesWithItsSettings_AndTheHelperDecrypts()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, [.. Fixers.For("SRA1004"), .. Fixers.For("SRA1003")],
            ("Vault.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Vault
                {
                    public static byte[] Seal(byte[] key, byte[] plaintext)
                    {
                        using var aes = Aes.Create();
                        aes.KeySize = 128;
                        aes.Key = key;
                        aes.Mode = CipherMode.CBC;
                        aes.Padding = PaddingMode.PKCS7;
                        aes.IV = RandomNumberGenerator.GetBytes(16);
                        // the partner feed
                        using var encryptor = aes.CreateEncryptor();
                        return encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
                    }

                    public static byte[] SealWith(byte[] key, byte[] iv, byte[] plaintext)
                    {
                        using var aes = Aes.Create();
                        aes.Mode = CipherMode.CBC;
                        using var encryptor = aes.CreateEncryptor(key, iv);
                        return encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
                    }
                }
                """),
            ("Settings.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Settings
                {
                    public static void Configure(Aes aes)
                    {
                        aes.KeySize = 128;
                    }

                    public static byte[] SealConfigured(Aes aes, byte[] data, byte[] iv) => aes.EncryptCbc(data, iv);
                }
                """));

        Assert.DoesNotContain("SRA1003", fixedProject.RemainingIds);
        Assert.DoesNotContain("SRA1004", fixedProject.RemainingIds);
        var vault = await fixedProject.TextAsync("Vault.cs");
        Assert.Contains("// the partner feed\n        return AesGcmEncryption.Encrypt(key, plaintext);", vault.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("return AesGcmEncryption.Encrypt(key, plaintext);", vault, StringComparison.Ordinal);
        Assert.DoesNotContain("Aes.Create()", vault, StringComparison.Ordinal);
        await DeadCipherSettings.AssertNoneAsync(fixedProject.Project);

        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using System.Security.Cryptography;
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var key = RandomNumberGenerator.GetBytes(32);
                    var message = "attack at dawn"u8.ToArray();
                    var a = AesGcmEncryption.Decrypt(key, Vault.Seal(key, message)).SequenceEqual(message);
                    var b = AesGcmEncryption.Decrypt(key, Vault.SealWith(key, new byte[16], message)).SequenceEqual(message);
                    using var aes = Aes.Create();
                    Settings.Configure(aes);
                    var sealedData = Settings.SealConfigured(aes, message, new byte[16]);
                    var c = AesGcmEncryption.Decrypt(aes.Key, sealedData).SequenceEqual(message);
                    return $"{a} {b} {c} key {aes.Key.Length} bytes";
                }
            }
            """);

        Assert.Equal("True True True key 32 bytes", result);
    }

    [Fact]
    public async Task Sra1001_RijndaelWithTheCallersKey_BecomesTheHelper_DesKeepsItsOwnRoundTrip()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.For("SRA1001"),
            ("Rijndael.cs", """
                using System.Security.Cryptography;

                namespace App;

                #pragma warning disable SYSLIB0022
                public static class Modern
                {
                    public static byte[] Seal(byte[] key, byte[] iv, byte[] data)
                    {
                        using var rijndael = Rijndael.Create();
                        rijndael.Key = key;
                        rijndael.IV = iv;
                        rijndael.Mode = CipherMode.CBC;
                        using var encryptor = rijndael.CreateEncryptor();
                        return encryptor.TransformFinalBlock(data, 0, data.Length);
                    }
                }
                """),
            ("Des.cs", """
                using System.Security.Cryptography;

                namespace App;

                public static class Old
                {
                    // A DES key is 8 bytes: the AES-256 helper would throw on every call.
                    public static byte[] Seal(byte[] key, byte[] iv, byte[] data)
                    {
                        using var des = DES.Create();
                        des.Key = key;
                        return des.EncryptCbc(data, iv);
                    }
                }
                """));

        Assert.Equal(1, fixedProject.Remaining.Count(d => d.Id == "SRA1001"));
        Assert.Contains("return AesGcmEncryption.Encrypt(key, data);", await fixedProject.TextAsync("Rijndael.cs"), StringComparison.Ordinal);
        await DeadCipherSettings.AssertNoneAsync(fixedProject.Project);
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using System.Security.Cryptography;
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var message = "attack at dawn"u8.ToArray();
                    var key = RandomNumberGenerator.GetBytes(32);
                    var modern = AesGcmEncryption.Decrypt(key, Modern.Seal(key, new byte[16], message)).SequenceEqual(message);
                    var desKey = RandomNumberGenerator.GetBytes(8);
                    using var des = DES.Create();
                    des.Key = desKey;
                    var old = des.DecryptCbc(Old.Seal(desKey, new byte[8], message), new byte[8]).SequenceEqual(message);
                    return $"{modern} {old}";
                }
            }
            """);

        Assert.Equal("True True", result);
    }
}
