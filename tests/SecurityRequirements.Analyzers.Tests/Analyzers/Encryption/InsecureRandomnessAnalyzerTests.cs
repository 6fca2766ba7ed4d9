using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.InsecureRandomnessAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class InsecureRandomnessAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private const string UseGetInt32 = "use RandomNumberGenerator.GetInt32 with the same bounds";
    private const string UseGetString = "use RandomNumberGenerator.GetString(characters, length)";
    private const string UseFill = "fill the buffer with RandomNumberGenerator.Fill";
    private const string UseWide = "use RandomNumberGenerator.GetInt32, or RandomNumberGenerator.GetBytes for wider values";

    private static DiagnosticResult Expect(int marker, string call, string what, string advice) =>
        Verify.Diagnostic(DiagnosticDescriptors.PredictableKeyMaterial).WithLocation(marker).WithArguments("SEC-001", Requirement, call, what, advice);

    [Fact]
    public async Task RandomFeedingCiphersHashesAndEncoders_ReportsSRA1007AtTheRandomCall()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                void Nonce(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    {|#0:new Random().NextBytes(nonce)|};
                    gcm.Encrypt(nonce, p, c, t);
                }

                AesGcm Key()
                {
                    var key = new byte[32];
                    {|#1:Random.Shared.NextBytes(key)|};
                    return new AesGcm(key, 16);
                }

                byte[] Salted(string password)
                {
                    var buffer = new byte[16];
                    {|#2:Random.Shared.NextBytes(buffer)|};
                    return Rfc2898DeriveBytes.Pbkdf2(password, buffer, 600_000, HashAlgorithmName.SHA256, 32);
                }

                string ApiToken()
                {
                    var rnd = new Random();
                    var bytes = new byte[32];
                    {|#3:rnd.NextBytes(bytes)|};
                    return Convert.ToBase64String(bytes);
                }

                string Hex()
                {
                    var bytes = new byte[16];
                    {|#4:new Random().NextBytes(bytes)|};
                    return BitConverter.ToString(bytes).Replace("-", "");
                }

                byte[] Digest() => SHA256.HashData(BitConverter.GetBytes({|#5:new Random().Next()|}));
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "Random.NextBytes", "the nonce passed to AesGcm.Encrypt (line 9)", UseFill),
            Expect(1, "Random.NextBytes", "the key passed to new AesGcm(...) (line 16)", UseFill),
            Expect(2, "Random.NextBytes", "the salt passed to Rfc2898DeriveBytes.Pbkdf2 (line 23)", UseFill),
            Expect(3, "Random.NextBytes", "the bytes encoded by Convert.ToBase64String (line 31)", UseFill),
            Expect(4, "Random.NextBytes", "the bytes encoded by BitConverter.ToString (line 38)", UseFill),
            Expect(5, "Random.Next", "the input of SHA256.HashData", UseGetInt32));
    }

    [Fact]
    public async Task RandomPasswordsTokensAndCodes_ReportSRA1007ByNameAndReturnedText()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Text;
            class User { public string Password { get; set; } = ""; public int VerificationCode { get; set; } public string ResetToken { get; set; } = ""; }
            static class Generator
            {
                private static readonly Random _random = new Random();
                private const string Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

                public static string GeneratePassword(int length)
                {
                    var sb = new StringBuilder();
                    for (int i = 0; i < length; i++)
                    {
                        sb.Append(Chars[{|#0:_random.Next(Chars.Length)|}]);
                    }

                    return sb.ToString();
                }

                public static string RandomString(int length) =>
                    new string(Enumerable.Repeat(Chars, length).Select(s => s[{|#1:_random.Next(s.Length)|}]).ToArray());

                public static string RandomString2(int size)
                {
                    var builder = new StringBuilder();
                    var random = new Random();
                    for (int i = 0; i < size; i++)
                    {
                        var ch = Convert.ToChar(Convert.ToInt32(Math.Floor(26 * {|#2:random.NextDouble()|} + 65)));
                        builder.Append(ch);
                    }

                    return builder.ToString();
                }

                public static string GenerateOtp() => {|#3:_random.Next(100000, 999999)|}.ToString("D6");

                public static void Reset(User user)
                {
                    user.VerificationCode = {|#4:new Random().Next(1000, 9999)|};
                    int resetCode = {|#5:Random.Shared.Next(0, 1_000_000)|};
                    user.ResetToken = $"{resetCode:D6}";
                    user.Password = "Tmp" + {|#6:_random.Next()|};
                }

                public static string NewPass()
                {
                    var r = new Random();
                    string pwd = "";
                    for (int i = 0; i < 8; i++)
                    {
                        pwd += (char){|#7:r.Next(33, 126)|};
                    }

                    return pwd;
                }

                public static void Send(string phone) => SendSms(phone, {|#8:_random.Next(1000, 9999)|}.ToString());
                private static void SendSms(string phone, string verificationCode) { }

                public static byte[] Seed()
                {
                    var salt = new byte[16];
                    {|#9:_random.NextBytes(salt)|};
                    return salt;
                }

                public static void Issue(User user)
                {
                    var pin = new char[4];
                    for (int i = 0; i < pin.Length; i++) pin[i] = (char)('0' + {|#10:_random.Next(10)|});
                    Save(user, new string(pin));
                }

                private static void Save(User user, string value) { }

                private static string accesscode = "";
                public static void Issue() => accesscode = {|#11:_random.Next(100000, 999999)|}.ToString();
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "Random.Next", "the password returned by GeneratePassword", UseGetInt32),
            Expect(1, "Random.Next", "the random string returned by RandomString", UseGetString),
            Expect(2, "Random.NextDouble", "the random string returned by RandomString2", UseWide),
            Expect(3, "Random.Next", "the one-time code returned by GenerateOtp", UseGetInt32),
            Expect(4, "Random.Next", "the code 'VerificationCode' (line 4)", UseGetInt32),
            Expect(5, "Random.Next", "the code 'resetCode'", UseGetInt32),
            Expect(6, "Random.Next", "the password 'Password' (line 4)", UseGetInt32),
            Expect(7, "Random.Next", "the password 'pwd' (line 50)", UseGetInt32),
            Expect(8, "Random.Next", "the code passed as 'verificationCode' to Generator.SendSms", UseGetInt32),
            Expect(9, "Random.NextBytes", "the salt 'salt' (line 64)", UseFill),
            Expect(10, "Random.Next", "the PIN 'pin' (line 71)", UseGetInt32),
            Expect(11, "Random.Next", "the code 'accesscode' (line 78)", UseGetInt32));
    }

    [Fact]
    public async Task OrdinaryUsesAndStrongSubclasses_StaySilent()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading;
            static class Ordinary
            {
                private static readonly Random Rng = new Random(42);
                public static TimeSpan Jitter(int attempt) => TimeSpan.FromMilliseconds(Math.Pow(2, attempt) * 100 + Rng.Next(0, 100));
                public static List<string> Shuffle(List<string> tokens) => tokens.OrderBy(_ => Rng.Next()).ToList();
                public static T Pick<T>(IList<T> items) => items[Rng.Next(items.Count)];
                public static string Color() => string.Format("#{0:X6}", Rng.Next(0x1000000));
                public static bool Sample(double rate) => Rng.NextDouble() < rate;
                public static string RandomFileName() { var sb = new StringBuilder(); for (int i = 0; i < 8; i++) sb.Append((char)('a' + Rng.Next(26))); return sb.ToString(); }
                public static int GetCacheKey() => Rng.Next();
                public static Dictionary<int, string> Fill() { var d = new Dictionary<int, string>(); for (int i = 0; i < 10; i++) { int key = Rng.Next(1000); d[key] = "x"; } return d; }
                public static string UserName() => "user" + Rng.Next(1000);
                public static void Delay() => Thread.Sleep(Rng.Next(100, 500));
                public static int[] Dice() => Enumerable.Range(0, 5).Select(_ => Rng.Next(1, 7)).ToArray();
                public static int StatusCode() => Rng.Next(200, 500);
                public static string CharCode() { int charCode = Rng.Next(65, 90); return ((char)charCode).ToString(); }
                public static bool Coin() => Rng.Next(2) == 0;
                public static void Shuffled(int[] deck) => Rng.Shuffle(deck);
                public static string Label() { var label = "item-" + Rng.Next(); return label; }
                public static string PickToken(List<string> tokens) { var token = tokens[Rng.Next(tokens.Count)]; return token; }
                public static string PickCode(string[] codes) => codes[Rng.Next(codes.Length)];
            }

            // BouncyCastle's SecureRandom derives from System.Random and is a cryptographic generator.
            class SecureRandom : Random { public override void NextBytes(byte[] buffer) { } }

            static class Strong
            {
                public static string Token(SecureRandom rng) { var bytes = new byte[32]; rng.NextBytes(bytes); return Convert.ToBase64String(bytes); }
                public static string Token2() { Random rng = new SecureRandom(); var bytes = new byte[32]; rng.NextBytes(bytes); return Convert.ToBase64String(bytes); }
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task ForbidSystemRandom_ReportsEveryCall()
    {
        const string source = """
            using System;
            static class C
            {
                public static int Delay() => {|#0:Random.Shared.Next(100)|};
                public static string Token() => {|#1:new Random().Next()|}.ToString();
            }
            """;

        const string yaml = Yaml + "\n    check: encryption\n    parameters:\n      forbid_system_random: true\n";
        await Verify.VerifyAsync(source, yaml,
            Expect(0, "Random.Next", "a value (the control sets forbid_system_random)", UseGetInt32),
            Expect(1, "Random.Next", "the token returned by Token", UseGetInt32));
    }

    [Fact]
    public async Task InTestAssemblies_OnlyCryptographicFlowsCount()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            static class Fixtures
            {
                public static string NewPassword() => "P" + new Random(1).Next();
                public static AesGcm Key()
                {
                    var key = new byte[32];
                    {|#0:new Random(1).NextBytes(key)|};
                    return new AesGcm(key, 16);
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.AdditionalReferences.Add(FakeAssembly("xunit.core"));
        test.ExpectedDiagnostics.Add(Expect(0, "Random.NextBytes", "the key passed to new AesGcm(...) (line 10)", UseFill));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoFile_BaselineReports_AndNoneSeverityDoesNot()
    {
        const string source = "class C { string GenerateToken() => {|#0:new System.Random().Next()|}.ToString(); }";
        await Verify.VerifyAsync(source, yaml: null, Expect(0, "Random.Next", "the token returned by GenerateToken", UseGetInt32));
        await Verify.VerifyAsync("class C { string GenerateToken() => new System.Random().Next().ToString(); }", Yaml + "\n    severity: none\n");
    }

    /// <summary>An empty assembly with the given name, standing in for a test framework reference.</summary>
    private static MetadataReference FakeAssembly(string name)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText("namespace Fake { public class Marker { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
