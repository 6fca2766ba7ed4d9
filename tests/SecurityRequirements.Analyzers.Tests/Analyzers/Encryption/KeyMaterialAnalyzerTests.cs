using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.KeyMaterialAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class KeyMaterialAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string KeyAdvice = "load the key from your key store or generate it with RandomNumberGenerator.GetBytes";
    private const string IvAdvice = "generate a fresh IV with RandomNumberGenerator.GetBytes for every message (or move to AesGcm)";
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private static DiagnosticResult D(DiagnosticDescriptor descriptor, int marker, params object[] arguments) =>
        Verify.Diagnostic(descriptor).WithLocation(marker).WithArguments(new object[] { "SEC-001", Requirement }.Concat(arguments).ToArray());

    [Fact]
    public async Task LiteralKeysAndIvs_ReportSRA1005AtTheSinkNamingTheSource()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;
            class C
            {
                static readonly byte[] MasterKey = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

                void A()
                {
                    var key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
                    using var gcm = new AesGcm({|#0:key|}, 16);
                }

                void B()
                {
                    using var gcm = new AesGcm({|#1:MasterKey|}, 16);
                }

                void D(Aes aes)
                {
                    aes.Key = {|#2:Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")|};
                    aes.IV = {|#3:new byte[16]|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "key", "new AesGcm(...)", "Encoding.UTF8.GetBytes of a string literal (line 10)", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 1, "key", "new AesGcm(...)", "a byte array literal (line 6) in the readonly field C.MasterKey", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 2, "key", "Aes.Key", "Convert.FromBase64String of a string literal (line 21)", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 3, "IV", "Aes.IV", "new byte[16] (line 22), never filled with random bytes", IvAdvice));
    }

    [Fact]
    public async Task CollectionExpressionKeys_ReportSRA1005AndSRA1004()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                private static readonly byte[] FixedKey = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10];

                byte[] Seal(Aes aes, byte[] data)
                {
                    aes.Key = {|#0:FixedKey|};
                    byte[] iv = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
                    return aes.DecryptCbc(data, {|#1:iv|});
                }

                byte[] Dynamic(Aes aes, byte[] data, byte[] prefix) { byte[] iv = [.. prefix]; return aes.DecryptCbc(data, iv); }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.KeyTooShort, 0, "the 16-byte key passed to Aes.Key, from a byte array literal (line 4) in the readonly field C.FixedKey,", "128", "256", "use a 32-byte key"),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "key", "Aes.Key", "a byte array literal (line 4) in the readonly field C.FixedKey", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 1, "IV", "DecryptCbc", "a byte array literal (line 9)", IvAdvice));
    }

    [Fact]
    public async Task ShortKeys_ReportSRA1004()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void A(Aes aes) { {|#0:aes.KeySize = 128|}; }
                void B()
                {
                    var key = RandomNumberGenerator.GetBytes(16);
                    using var gcm = new AesGcm({|#1:key|}, 16);
                }
                void D(Aes aes) { aes.KeySize = 256; }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.KeyTooShort, 0, "KeySize = 128", "128", "256", "set KeySize to 256"),
            D(DiagnosticDescriptors.KeyTooShort, 1, "the 16-byte key passed to new AesGcm(...), from RandomNumberGenerator.GetBytes,", "128", "256", "use a 32-byte key"));
    }

    [Fact]
    public async Task MinKeyBitsFromYaml_Allows128()
    {
        const string source = """
            using System.Security.Cryptography;
            class C { void A(Aes aes) { aes.KeySize = 128; } }
            """;
        var yaml = Yaml + "\n    parameters:\n      algorithms: [AES-128-GCM]\n";

        await Verify.VerifyAsync(source, yaml);
    }

    [Fact]
    public async Task FixedAndReusedNonces_ReportSRA1006()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                static readonly byte[] SharedNonce = new byte[12];

                void Unfilled(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    gcm.Encrypt({|#0:nonce|}, p, c, t);
                }

                void Shared(AesGcm gcm, byte[] p, byte[] c, byte[] t) => gcm.Encrypt({|#1:SharedNonce|}, p, c, t);

                void Twice(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    gcm.Encrypt(nonce, p, c, t);
                    gcm.Encrypt({|#2:nonce|}, p, c, t);
                }

                void Loop(AesGcm gcm, byte[][] messages, byte[] c, byte[] t)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    foreach (var message in messages)
                    {
                        gcm.Encrypt({|#3:nonce|}, message, c, t);
                    }
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.FixedNonce, 0, "AesGcm.Encrypt", "new byte[12] (line 8), never filled with random bytes"),
            D(DiagnosticDescriptors.FixedNonce, 1, "AesGcm.Encrypt", "the readonly field C.SharedNonce, new byte[12] (line 4), never filled with random bytes and shared by every call"),
            D(DiagnosticDescriptors.FixedNonce, 2, "AesGcm.Encrypt", "the buffer already used by the Encrypt call on line 17"),
            D(DiagnosticDescriptors.FixedNonce, 3, "AesGcm.Encrypt", "the same buffer on every iteration of the loop on line 24"));
    }

    [Fact]
    public async Task BuffersFilledBySystemRandom_AreLeftToSRA1007()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                void A(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    new Random().NextBytes(nonce);
                    gcm.Encrypt(nonce, p, c, t);
                }

                void B()
                {
                    var key = new byte[16];
                    Random.Shared.NextBytes(key);
                    using var gcm = new AesGcm(key, 16);
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task IvTakenFromTheKey_ReportsSRA1005()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Security.Cryptography;
            using System.Text;
            #pragma warning disable SYSLIB0022
            class C
            {
                RijndaelManaged Initializer(byte[] keyBytes) => new RijndaelManaged { Key = keyBytes, IV = {|#0:keyBytes|} };

                void Substring(Aes aes, string key)
                {
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    aes.IV = {|#1:Encoding.UTF8.GetBytes(key.Substring(0, 16))|};
                }

                ICryptoTransform Same(Aes aes, byte[] key) => aes.CreateEncryptor(key, {|#2:key|});

                void Copied(Aes aes, byte[] key)
                {
                    var iv = new byte[16];
                    Array.Copy(key, iv, 16);
                    aes.Key = key;
                    aes.IV = {|#3:iv|};
                }

                void OwnKey(Aes aes) => aes.IV = {|#4:aes.Key|};

                byte[] Sliced(Aes aes, byte[] key, byte[] data) { aes.Key = key; return aes.EncryptCbc(data, {|#5:key.Take(16).ToArray()|}); }
            }
            """;

        const string Same = "taken from 'keyBytes', the same value as the key, so every message under that key gets the same IV";
        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "IV", "RijndaelManaged.IV", Same, IvAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 1, "IV", "Aes.IV", Same.Replace("keyBytes", "key"), IvAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 2, "IV", "CreateEncryptor", Same.Replace("keyBytes", "key"), IvAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 3, "IV", "Aes.IV", Same.Replace("keyBytes", "key"), IvAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 4, "IV", "Aes.IV", "the algorithm's own Key, so every message under that key gets the same IV", IvAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 5, "IV", "EncryptCbc", Same.Replace("keyBytes", "key"), IvAdvice));
    }

    [Fact]
    public async Task IvsIndependentOfTheKey_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0041
            class C
            {
                void Derived(Aes aes, string password)
                {
                    var salt = RandomNumberGenerator.GetBytes(16);
                    using var kdf = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                    aes.Key = kdf.GetBytes(32);
                    aes.IV = kdf.GetBytes(16);
                }

                void Separate(Aes aes, byte[] key, byte[] iv) { aes.Key = key; aes.IV = iv; }
                void Random(Aes aes, byte[] key) { aes.Key = key; aes.IV = RandomNumberGenerator.GetBytes(16); }
                void Generated(Aes aes, byte[] key) { aes.Key = key; aes.GenerateIV(); }
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task KeysDerivedFromHardCodedSecrets_ReportSRA1005()
    {
        const string source = """
            using System.Security.Cryptography;
            using System.Text;
            #pragma warning disable SYSLIB0041, SYSLIB0021, SYSLIB0022
            class C
            {
                private const string PasswordHash = "P@@Sw0rd";
                private const string SaltKey = "S@LT&KEY";

                ICryptoTransform Pbkdf(RijndaelManaged rijndael, byte[] iv)
                {
                    byte[] keyBytes = new Rfc2898DeriveBytes(PasswordHash, Encoding.ASCII.GetBytes(SaltKey)).GetBytes(256 / 8);
                    return rijndael.CreateEncryptor({|#0:keyBytes|}, iv);
                }

                void Hashed(Aes aes)
                {
                    string secret = "correct horse battery staple";
                    aes.Key = {|#1:SHA256.HashData(Encoding.UTF8.GetBytes(secret))|};
                }

                void Md5(Aes aes)
                {
                    using var md5 = MD5.Create();
                    aes.Key = {|#2:md5.ComputeHash(Encoding.UTF8.GetBytes(PasswordHash))|};
                }

                void RandomSalt(Aes aes, byte[] salt) => aes.Key = new Rfc2898DeriveBytes(PasswordHash, salt).GetBytes(32);
                void FromCaller(Aes aes, string password) => aes.Key = new Rfc2898DeriveBytes(password, Encoding.ASCII.GetBytes(SaltKey)).GetBytes(32);
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "key", "CreateEncryptor", "derived by Rfc2898DeriveBytes from a hard-coded password and salt (line 11)", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 1, "key", "Aes.Key", "the SHA256 hash of Encoding.UTF8.GetBytes of a string literal (line 18)", KeyAdvice),
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 2, "key", "Aes.Key", "the MD5 hash of Encoding.UTF8.GetBytes of a string literal (line 24)", KeyAdvice),
            D(DiagnosticDescriptors.KeyTooShort, 2, "the 16-byte key passed to Aes.Key, from the MD5 hash of Encoding.UTF8.GetBytes of a string literal (line 24),", "128", "256", "use a 32-byte key"));
    }

    [Fact]
    public async Task DynamicAesKeys_AreTraced()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void M()
                {
                    dynamic aes = Aes.Create();
                    aes.Key = {|#0:new byte[32]|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "key", "Aes (through dynamic).Key", "new byte[32] (line 7), never filled with random bytes", KeyAdvice));
    }

    [Fact]
    public async Task CompliantAesGcm_StaysSilent()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                private readonly byte[] _key;
                C(byte[] keyFromVault) => _key = keyFromVault;

                byte[] Encrypt(byte[] plaintext)
                {
                    var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
                    var ciphertext = new byte[plaintext.Length];
                    var tag = new byte[AesGcm.TagByteSizes.MaxSize];
                    using var gcm = new AesGcm(_key, tag.Length);
                    gcm.Encrypt(nonce, plaintext, ciphertext, tag);
                    return [.. nonce, .. ciphertext, .. tag];
                }

                void Many(AesGcm gcm, byte[][] messages, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    foreach (var message in messages)
                    {
                        RandomNumberGenerator.Fill(nonce);
                        gcm.Encrypt(nonce, message, c, t);
                    }
                }

                void Twice(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    Span<byte> nonce = stackalloc byte[12];
                    RandomNumberGenerator.Fill(nonce);
                    gcm.Encrypt(nonce, p, c, t);
                    RandomNumberGenerator.Fill(nonce);
                    gcm.Encrypt(nonce, p, c, t);
                }

                byte[] Decrypt(byte[] key, byte[] nonce, byte[] c, byte[] t)
                {
                    var p = new byte[c.Length];
                    using var gcm = new AesGcm(key, 16);
                    gcm.Decrypt(nonce, c, t, p);
                    return p;
                }

                void Key(Aes aes) => aes.Key = RandomNumberGenerator.GetBytes(32);
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task ArraysFilledByOtherCode_AreNotCalledLiteralOrZero()
    {
        const string source = """
            using System;
            using System.Buffers.Binary;
            using System.IO;
            using System.Security.Cryptography;
            using System.Text;
            class C
            {
                void FromPassword(Aes aes, string secret)
                {
                    var keyBytes = new byte[32];
                    var secretBytes = Encoding.UTF8.GetBytes(secret);
                    Array.Copy(secretBytes, keyBytes, Math.Min(keyBytes.Length, secretBytes.Length));
                    aes.Key = keyBytes;
                }

                void CounterNonce(AesGcm gcm, ulong counter, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), counter);
                    gcm.Encrypt(nonce, p, c, t);
                }

                void CounterNonces(AesGcm gcm, byte[][] records, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    for (var i = 0; i < records.Length; i++)
                    {
                        BinaryPrimitives.WriteInt32BigEndian(nonce.AsSpan(8), i);
                        gcm.Encrypt(nonce, records[i], c, t);
                    }

                    nonce[11] = 0xFF;
                    gcm.Encrypt(nonce, records[0], c, t);
                }

                void FromStream(Aes aes, Stream input)
                {
                    var iv = new byte[16];
                    input.ReadExactly(iv);
                    aes.IV = iv;
                    var key = new byte[32];
                    Buffer.BlockCopy(input is MemoryStream m ? m.ToArray() : [], 0, key, 0, 32);
                    aes.Key = key;
                }

                void ByIndex(Aes aes, byte[] material)
                {
                    var key = new byte[32];
                    for (var i = 0; i < key.Length; i++)
                    {
                        key[i] = material[i];
                    }

                    aes.Key = key;
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task ArraysOnlyReadByOtherCode_AreStillZero()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                void Write(Aes aes, Stream output)
                {
                    var iv = new byte[16];
                    output.Write(iv, 0, iv.Length);
                    Console.WriteLine(Convert.ToBase64String(iv));
                    aes.IV = {|#0:iv|};
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            D(DiagnosticDescriptors.HardCodedKeyMaterial, 0, "IV", "Aes.IV", "new byte[16] (line 8), never filled with random bytes", IvAdvice));
    }
}
