using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

/// <summary>
/// The shapes real legacy code is made of (the MS-docs/StackOverflow AES helpers, configure-and-return helpers,
/// Random password and OTP generators, next to ordinary uses of Random), run through every analyzer of the package:
/// each finding on its own line, no rule repeating another's finding, ordinary code silent.
/// </summary>
public class LegacyShapesTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private const string LegacyAes = """
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;

        namespace Shop.Security
        {
            public static class StringCipher
            {
                private const string PasswordHash = "P@@Sw0rd";
                private const string SaltKey = "S@LT&KEY";
                private const string VIKey = "@1B2c3D4e5F6g7H8";

                public static string Encrypt(string plainText)
                {
                    byte[] plainTextBytes = Encoding.UTF8.GetBytes(plainText);
                    byte[] keyBytes = new Rfc2898DeriveBytes(PasswordHash, Encoding.ASCII.GetBytes(SaltKey)).GetBytes(256 / 8);
                    var symmetricKey = new RijndaelManaged() { Mode = CipherMode.CBC, Padding = PaddingMode.Zeros };
                    var encryptor = symmetricKey.CreateEncryptor(keyBytes, Encoding.ASCII.GetBytes(VIKey));
                    byte[] cipherTextBytes;
                    using (var memoryStream = new MemoryStream())
                    {
                        using (var cryptoStream = new CryptoStream(memoryStream, encryptor, CryptoStreamMode.Write))
                        {
                            cryptoStream.Write(plainTextBytes, 0, plainTextBytes.Length);
                            cryptoStream.FlushFinalBlock();
                            cipherTextBytes = memoryStream.ToArray();
                        }
                    }
                    return Convert.ToBase64String(cipherTextBytes);
                }

                public static string Decrypt(string encryptedText)
                {
                    byte[] cipherTextBytes = Convert.FromBase64String(encryptedText);
                    byte[] keyBytes = new Rfc2898DeriveBytes(PasswordHash, Encoding.ASCII.GetBytes(SaltKey)).GetBytes(256 / 8);
                    var symmetricKey = new RijndaelManaged() { Mode = CipherMode.CBC, Padding = PaddingMode.None };
                    var decryptor = symmetricKey.CreateDecryptor(keyBytes, Encoding.ASCII.GetBytes(VIKey));
                    return "";
                }
            }

            public static class AesHelper
            {
                private static RijndaelManaged GetRijndaelManaged(string secretKey)
                {
                    var keyBytes = new byte[16];
                    var secretKeyBytes = Encoding.UTF8.GetBytes(secretKey);
                    Array.Copy(secretKeyBytes, keyBytes, Math.Min(keyBytes.Length, secretKeyBytes.Length));
                    return new RijndaelManaged
                    {
                        Mode = CipherMode.CBC,
                        Padding = PaddingMode.PKCS7,
                        KeySize = 128,
                        BlockSize = 128,
                        Key = keyBytes,
                        IV = keyBytes
                    };
                }

                public static byte[] Encrypt(byte[] plainBytes, RijndaelManaged rijndaelManaged)
                {
                    return rijndaelManaged.CreateEncryptor().TransformFinalBlock(plainBytes, 0, plainBytes.Length);
                }

                public static string Encrypt(string plainText, string key)
                {
                    var plainBytes = Encoding.UTF8.GetBytes(plainText);
                    return Convert.ToBase64String(Encrypt(plainBytes, GetRijndaelManaged(key)));
                }
            }

            public class AesService
            {
                private static Aes CreateAes(string key)
                {
                    var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    aes.IV = Encoding.UTF8.GetBytes(key.Substring(0, 16));
                    aes.Mode = CipherMode.ECB;
                    return aes;
                }

                public string Protect(string text)
                {
                    using var aes = CreateAes("0123456789abcdef0123456789abcdef");
                    using var enc = aes.CreateEncryptor();
                    var data = Encoding.UTF8.GetBytes(text);
                    return Convert.ToBase64String(enc.TransformFinalBlock(data, 0, data.Length));
                }

                public static string EncryptString(string plainText, string keyString)
                {
                    byte[] key = Encoding.UTF8.GetBytes(keyString);
                    using (Aes aesAlg = Aes.Create())
                    {
                        using (var encryptor = aesAlg.CreateEncryptor(key, aesAlg.IV))
                        {
                            return "";
                        }
                    }
                }

                public string Use() => EncryptString("hello", "my-super-secret-key-1234567890ab");
            }

            public class Vault
            {
                private readonly Aes _aes;
                public Vault(byte[] key)
                {
                    _aes = Aes.Create();
                    _aes.Mode = CipherMode.CFB;
                    _aes.Key = key;
                }

                public byte[] Seal(byte[] data) => _aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
            }

            public class DynamicCrypto
            {
                public object Make(byte[] data)
                {
                    dynamic aes = Aes.Create();
                    aes.Mode = CipherMode.ECB;
                    aes.Key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                    var enc = aes.CreateEncryptor();
                    return enc;
                }
            }

            public static class Modes
            {
                public static void Main2()
                {
                    var cipher_mode = CipherMode.OFB;
                    AesManaged aes_insecure1 = new AesManaged { KeySize = 128, BlockSize = 128, Mode = cipher_mode, Padding = PaddingMode.PKCS7 };
                    AesManaged aes_secure = new AesManaged { Mode = CipherMode.CTS };
                }
            }
        }
        """;

    private const string RandomValues = """
        using System;
        using System.Linq;
        using System.Text;
        using System.Security.Cryptography;
        using System.Collections.Generic;

        namespace Shop.Accounts
        {
            public class User { public string Password { get; set; } public string ResetToken { get; set; } public int VerificationCode { get; set; } public string Name {get;set;} }

            public static class PasswordGenerator
            {
                private static readonly Random _random = new Random();
                private const string Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

                public static string GeneratePassword(int length)
                {
                    var sb = new StringBuilder();
                    for (int i = 0; i < length; i++)
                    {
                        sb.Append(Chars[_random.Next(Chars.Length)]);
                    }
                    return sb.ToString();
                }

                public static string RandomString(int length)
                {
                    return new string(Enumerable.Repeat(Chars, length).Select(s => s[_random.Next(s.Length)]).ToArray());
                }

                public static string RandomString2(int size)
                {
                    var builder = new StringBuilder();
                    var random = new Random();
                    char ch;
                    for (int i = 0; i < size; i++)
                    {
                        ch = Convert.ToChar(Convert.ToInt32(Math.Floor(26 * random.NextDouble() + 65)));
                        builder.Append(ch);
                    }
                    return builder.ToString();
                }

                public static string GenerateOtp() => _random.Next(100000, 999999).ToString();

                public static void Reset(User user)
                {
                    user.VerificationCode = new Random().Next(1000, 9999);
                    int code = _random.Next(0, 1000000);
                    Console.WriteLine(code.ToString("D6"));
                    user.ResetToken = Guid.NewGuid().ToString();
                }

                public static string CreateSalt()
                {
                    var bytes = new byte[16];
                    new Random().NextBytes(bytes);
                    return Convert.ToBase64String(bytes);
                }

                public static string Token()
                {
                    var rnd = new Random();
                    var buffer = new byte[32];
                    rnd.NextBytes(buffer);
                    return BitConverter.ToString(buffer).Replace("-", "");
                }

                public static byte[] HashWithSalt(string password)
                {
                    var salt = new byte[8];
                    Random.Shared.NextBytes(salt);
                    using var pbkdf2 = new Rfc2898DeriveBytes(password, salt, 10000, HashAlgorithmName.SHA256);
                    return pbkdf2.GetBytes(32);
                }

                public static string NewPass()
                {
                    var r = new Random();
                    string pwd = "";
                    for (int i = 0; i < 8; i++) pwd += (char)r.Next(33, 126);
                    return pwd;
                }
            }

            public static class NotSecurity
            {
                private static readonly Random Rng = new Random(42);
                public static TimeSpan Jitter(int attempt) => TimeSpan.FromMilliseconds(Math.Pow(2, attempt) * 100 + Rng.Next(0, 100));
                public static List<T> Shuffle<T>(List<T> items) => items.OrderBy(_ => Rng.Next()).ToList();
                public static T Pick<T>(IList<T> items) => items[Rng.Next(items.Count)];
                public static string Color() => string.Format("#{0:X6}", Rng.Next(0x1000000));
                public static bool Sample(double rate) => Rng.NextDouble() < rate;
                public static string RandomFileName() { var sb = new StringBuilder(); for (int i = 0; i < 8; i++) sb.Append((char)('a' + Rng.Next(26))); return sb.ToString(); }
                public static int GetCacheKey() => Rng.Next();
                public static Dictionary<int, string> Fill() { var d = new Dictionary<int, string>(); for (int i = 0; i < 10; i++) { int key = Rng.Next(1000); d[key] = "x"; } return d; }
                public static string UserName() => "user" + Rng.Next(1000);
                public static void Delay() => System.Threading.Thread.Sleep(Rng.Next(100, 500));
                public static int[] Dice() => Enumerable.Range(0, 5).Select(_ => Rng.Next(1, 7)).ToArray();
                public static int StatusCode() => Rng.Next(200, 500);
            }
        }
        """;

    [Fact]
    public async Task LegacyAesHelpers_ReportEachFindingOnce()
    {
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(LegacyAes), Yaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Equal(
            [
                "18 SRA1001", "18 SRA1003", "19 SRA1005", "19 SRA1005",
                "37 SRA1001", "38 SRA1005", "38 SRA1005",
                "50 SRA1001", "52 SRA1003", "57 SRA1005",
                "77 SRA1003", "78 SRA1010", "79 SRA1005", "80 SRA1003", "87 SRA1003",
                "97 SRA1003", "97 SRA1010",
                "113 SRA1003", "117 SRA1003",
                "125 SRA1003", "126 SRA1004", "126 SRA1005", "127 SRA1003",
                "137 SRA1003", "137 SRA1004", "138 SRA1003",
            ],
            Lines(result));
    }

    [Fact]
    public async Task RandomSecurityValues_AreReported_AndOrdinaryUsesAreNot()
    {
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(RandomValues), Yaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Equal(
            ["21 SRA1007", "28 SRA1007", "38 SRA1007", "44 SRA1007", "48 SRA1007", "49 SRA1007", "57 SRA1007", "65 SRA1007", "72 SRA1007", "81 SRA1007"],
            Lines(result));
    }

    private static string[] Lines(AnalyzerRunResult result) =>
        result.Diagnostics
            .Where(d => d.Id.StartsWith("SRA1", StringComparison.Ordinal))
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .OrderBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Line + " " + d.Id)
            .ToArray();
}
