using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.WeakHashAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class WeakHashAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string OptIn = """
        controls:
          - id: SEC-001
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            parameters:
              forbid_weak_hashes: true
        """;

    private static DiagnosticResult Expect(int marker, string api, string algorithm, string replacement) =>
        Verify.Diagnostic(DiagnosticDescriptors.WeakHash).WithLocation(marker).WithArguments("SEC-001", Requirement, api, algorithm, replacement);

    [Fact]
    public async Task WeakHashApis_ReportSRA1008WhenForbidden()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021, SYSLIB0045
            class C
            {
                object A() => {|#0:MD5.Create()|};
                byte[] B(byte[] d) => {|#1:SHA1.HashData(d)|};
                object D(byte[] k) => {|#2:new HMACSHA1(k)|};
                object E() => {|#3:new SHA1Managed()|};
                object F() => {|#4:IncrementalHash.CreateHash(HashAlgorithmName.MD5)|};
                object G(byte[] k) => {|#5:IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, k)|};
                object H() => {|#6:CryptoConfig.CreateFromName("SHA1")|}!;
            }
            """;

        await Verify.VerifyAsync(source, OptIn,
            Expect(0, "MD5.Create", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(1, "SHA1.HashData", "SHA1", "SHA256 (SHA256.HashData)"),
            Expect(2, "new HMACSHA1(...)", "HMACSHA1", "HMACSHA256"),
            Expect(3, "new SHA1Managed(...)", "SHA1", "SHA256 (SHA256.HashData)"),
            Expect(4, "IncrementalHash.CreateHash", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(5, "IncrementalHash.CreateHMAC", "HMACSHA1", "HMACSHA256"),
            Expect(6, "CryptoConfig.CreateFromName", "SHA1", "SHA256 (SHA256.HashData)"));
    }

    [Fact]
    public async Task LegacyProvidersAndTracedNames_ReportSRA1008()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0021, SYSLIB0045
            class C
            {
                private static readonly string HashName = "MD5";
                private const string Prefix = "SHA";

                object A() => {|#0:new MD5CryptoServiceProvider()|};
                object B() => {|#1:HashAlgorithm.Create("MD5")|};
                object D() { string name = "SHA1"; return {|#2:HashAlgorithm.Create(name)|}; }
                object E() => {|#3:HashAlgorithm.Create(HashName)|};
                object F() => {|#4:CryptoConfig.CreateFromName($"{Prefix}{1}")|};
                object G() { var algorithm = HashAlgorithmName.MD5; return {|#5:IncrementalHash.CreateHash(algorithm)|}; }
                object H() => {|#6:new SHA1CryptoServiceProvider()|};
            }
            """;

        await Verify.VerifyAsync(source, OptIn,
            Expect(0, "new MD5CryptoServiceProvider(...)", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(1, "HashAlgorithm.Create", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(2, "HashAlgorithm.Create", "SHA1 (named \"SHA1\" by name)", "SHA256 (SHA256.HashData)"),
            Expect(3, "HashAlgorithm.Create", "MD5 (named \"MD5\" by HashName)", "SHA256 (SHA256.HashData)"),
            Expect(4, "CryptoConfig.CreateFromName", "SHA1 (named \"SHA1\" by $\"{Prefix}{1}\")", "SHA256 (SHA256.HashData)"),
            Expect(5, "IncrementalHash.CreateHash", "MD5", "SHA256 (SHA256.HashData)"),
            Expect(6, "new SHA1CryptoServiceProvider(...)", "SHA1", "SHA256 (SHA256.HashData)"));
    }

    [Fact]
    public async Task KeyDerivationAndSignaturesOverSha1_ReportSRA1008()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0041, SYSLIB0060
            class C
            {
                byte[] A(string pw, byte[] salt) => {|#0:new Rfc2898DeriveBytes(pw, salt)|}.GetBytes(32);
                byte[] B(string pw) => {|#1:new Rfc2898DeriveBytes(pw, 16, 10000)|}.GetBytes(32);
                byte[] D(string pw, byte[] salt) => {|#2:new Rfc2898DeriveBytes(pw, salt, 10000, HashAlgorithmName.SHA1)|}.GetBytes(32);
                byte[] E(string pw, byte[] salt) => {|#3:Rfc2898DeriveBytes.Pbkdf2(pw, salt, 100000, HashAlgorithmName.SHA1, 32)|};
                byte[] F(RSA rsa, byte[] data) => {|#4:rsa.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)|};
                byte[] G(string pw, byte[] salt) => {|#5:new PasswordDeriveBytes(pw, salt)|}.GetBytes(32);
                byte[] H(string pw, byte[] salt) => {|#6:new PasswordDeriveBytes(pw, salt, "MD5", 2)|}.GetBytes(16);
            }
            """;

        const string Pbkdf2 = "Rfc2898DeriveBytes.Pbkdf2 with HashAlgorithmName.SHA256";
        await Verify.VerifyAsync(source, OptIn,
            Expect(0, "new Rfc2898DeriveBytes(...)", "SHA1 (its default when no hash algorithm is named)", Pbkdf2),
            Expect(1, "new Rfc2898DeriveBytes(...)", "SHA1 (its default when no hash algorithm is named)", Pbkdf2),
            Expect(2, "new Rfc2898DeriveBytes(...)", "HashAlgorithmName.SHA1", Pbkdf2),
            Expect(3, "Rfc2898DeriveBytes.Pbkdf2", "HashAlgorithmName.SHA1", Pbkdf2),
            Expect(4, "RSA.SignData", "HashAlgorithmName.SHA1", "HashAlgorithmName.SHA256"),
            Expect(5, "new PasswordDeriveBytes(...)", "SHA1 (its default when no hash name is given)", Pbkdf2),
            Expect(6, "new PasswordDeriveBytes(...)", "MD5", "SHA256 (SHA256.HashData)"));
    }

    [Fact]
    public async Task FormsAuthenticationPasswordHashes_ReportSRA1008_WithOrWithoutSystemWeb()
    {
        const string resolved = """
            namespace System.Web.Security
            {
                public static class FormsAuthentication { public static string HashPasswordForStoringInConfigFile(string password, string passwordFormat) => password; }
            }

            class C
            {
                string A(string pw) => {|#0:System.Web.Security.FormsAuthentication.HashPasswordForStoringInConfigFile(pw, "SHA1")|};
                string B(string pw) { var format = "md5"; return {|#1:System.Web.Security.FormsAuthentication.HashPasswordForStoringInConfigFile(pw, format)|}; }
                string D(string pw) => System.Web.Security.FormsAuthentication.HashPasswordForStoringInConfigFile(pw, "SHA256");
            }
            """;

        const string Pbkdf2 = "a salted Rfc2898DeriveBytes.Pbkdf2 with HashAlgorithmName.SHA256 (or ASP.NET Core Identity's PasswordHasher)";
        await Verify.VerifyAsync(resolved, OptIn,
            Expect(0, "FormsAuthentication.HashPasswordForStoringInConfigFile", "SHA1", Pbkdf2),
            Expect(1, "FormsAuthentication.HashPasswordForStoringInConfigFile", "MD5", Pbkdf2));

        // Old .NET Framework code compiled without a System.Web reference: the call does not bind, the name is unique enough.
        const string unresolved = """
            using System.Web.Security;
            class C
            {
                string A(string pw) => {|#0:FormsAuthentication.HashPasswordForStoringInConfigFile(pw, "MD5")|};
            }
            """;

        var test = Verify.Create(unresolved, OptIn);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Add(Expect(0, "FormsAuthentication.HashPasswordForStoringInConfigFile", "MD5", Pbkdf2));
        await test.RunAsync();
    }

    [Fact]
    public async Task StrongKeyDerivationVerificationAndUnrelatedStrings_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0041
            class C
            {
                byte[] A(string pw, byte[] salt) => new Rfc2898DeriveBytes(pw, salt, 600_000, HashAlgorithmName.SHA256).GetBytes(32);
                byte[] B(string pw, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(pw, salt, 600_000, HashAlgorithmName.SHA512, 64);
                bool D(RSA rsa, byte[] data, byte[] signature) => rsa.VerifyData(data, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
                byte[] E(RSA rsa, byte[] key) => rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA1);
                byte[] F(byte[] salt) => new Rfc2898DeriveBytes("MD5", salt, 600_000, HashAlgorithmName.SHA256).GetBytes(32);
                object G() => HashAlgorithm.Create("SHA256");
            }
            """;

        await Verify.VerifyAsync(source, OptIn);
    }

    [Fact]
    public async Task StrongHashes_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] A(byte[] d) => SHA256.HashData(d);
                object B(byte[] k) => new HMACSHA256(k);
                object D() => IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
                string E => nameof(MD5);
            }
            """;

        await Verify.VerifyAsync(source, OptIn);
    }

    [Fact]
    public async Task WithoutOptIn_StaysSilent()
    {
        const string source = "class C { object A() => System.Security.Cryptography.MD5.Create(); }";
        await Verify.VerifyAsync(source, yaml: null);
        await Verify.VerifyAsync(source, "controls:\n  - id: SEC-001\n    requirement: Encrypt with AES-256-GCM\n");
    }
}
