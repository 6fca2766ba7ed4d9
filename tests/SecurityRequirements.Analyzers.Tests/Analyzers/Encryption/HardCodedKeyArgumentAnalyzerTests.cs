using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.HardCodedKeyArgumentAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class HardCodedKeyArgumentAnalyzerTests
{
    private const string Requirement = "All sensitive data must be encrypted using AES-256-GCM";
    private const string KeyAdvice = "load the key from your key store at run time, or generate it with RandomNumberGenerator.GetBytes, and pass that";
    private const string IvAdvice = "generate a fresh IV or nonce with RandomNumberGenerator.GetBytes for every message instead of taking it from the callers";
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    private static DiagnosticResult Expect(int marker, string role, string sink, string origin, string method, string calls, string advice) =>
        Verify.Diagnostic(DiagnosticDescriptors.HardCodedKeyArgument).WithLocation(marker).WithArguments("SEC-001", Requirement, role, sink, origin, method, calls, advice);

    [Fact]
    public async Task ParametersGivenLiteralsAtEveryCall_ReportSRA1010AtTheCipher()
    {
        const string crypto = """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class StringCipher
            {
                public static string Encrypt(string plainText, string keyString)
                {
                    using var aes = Aes.Create();
                    aes.Key = {|#0:Encoding.UTF8.GetBytes(keyString)|};
                    var data = Encoding.UTF8.GetBytes(plainText);
                    return Convert.ToBase64String(aes.EncryptCbc(data, IvFrom(data)));
                }

                private static byte[] IvFrom(byte[] data) => data;

                public static byte[] Seal(byte[] key, byte[] iv, byte[] data)
                {
                    using var aes = Aes.Create();
                    using var encryptor = aes.CreateEncryptor({|#2:key|}, {|#3:iv|});
                    return encryptor.TransformFinalBlock(data, 0, data.Length);
                }
            }
            """;

        const string callers = """
            public static class Callers
            {
                private const string Key = "0123456789abcdef0123456789abcdef";
                private static readonly byte[] FixedIv = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

                public static string A(string text) => StringCipher.Encrypt(text, Key);
                public static string B(string text) => StringCipher.Encrypt(text, "another-hard-coded-key-000000000");
                public static byte[] C(byte[] data) => StringCipher.Seal(System.Text.Encoding.UTF8.GetBytes("k"), FixedIv, data);
            }
            """;

        var test = Verify.Create(crypto, Yaml);
        test.TestState.Sources.Add(("/0/Callers.cs", callers));
        test.ExpectedDiagnostics.Add(Expect(0, "key", "Aes.Key", "Encoding.UTF8.GetBytes of the parameter 'keyString'", "Encrypt",
            "2 calls, the first the constant Key at line 6 of Callers.cs", KeyAdvice));
        test.ExpectedDiagnostics.Add(Expect(2, "key", "CreateEncryptor", "the parameter 'key'", "Seal",
            "Encoding.UTF8.GetBytes of a string literal at line 8 of Callers.cs", KeyAdvice));
        test.ExpectedDiagnostics.Add(Expect(3, "IV", "CreateEncryptor", "the parameter 'iv'", "Seal",
            "the readonly field FixedIv, a byte array literal, at line 8 of Callers.cs", IvAdvice));
        await test.RunAsync();
    }

    [Fact]
    public async Task ParametersWithAnyRealCaller_OrUnseenCallers_StaySilent()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public interface ICipher { byte[] Seal(string key, byte[] data); }

            public class Cipher : ICipher
            {
                public byte[] Seal(string key, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    return aes.EncryptCbc(data, new byte[16]);
                }

                public virtual byte[] SealVirtual(string key, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    return aes.EncryptCbc(data, new byte[16]);
                }

                public static byte[] SealMixed(string key, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    return aes.EncryptCbc(data, new byte[16]);
                }

                public static byte[] SealDelegate(string key, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    return aes.EncryptCbc(data, new byte[16]);
                }

                public static byte[] SealNeverCalled(string key, byte[] data)
                {
                    using var aes = Aes.Create();
                    aes.Key = Encoding.UTF8.GetBytes(key);
                    return aes.EncryptCbc(data, new byte[16]);
                }

                public static byte[] SealFilled(byte[] key, byte[] data)
                {
                    RandomNumberGenerator.Fill(key);
                    using var aes = Aes.Create();
                    aes.Key = key;
                    return aes.EncryptCbc(data, new byte[16]);
                }
            }

            public static class Callers
            {
                public static void Run(ICipher cipher, Cipher concrete, Func<string> vault, byte[] data)
                {
                    cipher.Seal("literal-key-0123456789abcdef0123", data);
                    concrete.Seal("literal-key-0123456789abcdef0123", data);
                    concrete.SealVirtual("literal-key-0123456789abcdef0123", data);
                    Cipher.SealMixed("literal-key-0123456789abcdef0123", data);
                    Cipher.SealMixed(vault(), data);
                    Cipher.SealDelegate("literal-key-0123456789abcdef0123", data);
                    Func<string, byte[], byte[]> seal = Cipher.SealDelegate;
                    Cipher.SealFilled(new byte[] { 1, 2, 3 }, data);
                }
            }
            """;

        // The zero IVs are SRA1005's (KeyMaterialAnalyzer), not this analyzer's.
        await Verify.VerifyAsync(source, Yaml);
    }
}
