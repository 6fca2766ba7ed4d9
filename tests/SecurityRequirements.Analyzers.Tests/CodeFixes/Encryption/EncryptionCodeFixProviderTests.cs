using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Analyzers.Encryption;
using SecurityRequirements.Analyzers.CodeFixes.Encryption;
using SecurityRequirements.Analyzers.Diagnostics;
using TagFix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.AesGcmTagSizeAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Encryption.AesGcmTagSizeCodeFixProvider>;
using KeySizeFix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.KeyMaterialAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Encryption.KeySizeCodeFixProvider>;
using NonceFix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Encryption.KeyMaterialAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Encryption.FixedNonceCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Encryption;

public class EncryptionCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
        """;

    [Fact]
    public async Task TagSize_AddsMaxSizeAndKeepsComments()
    {
        const string source = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0053
            class C
            {
                object A(byte[] key) => {|SRA1002:new AesGcm(key)|}; // legacy
                object B(byte[] key) => {|SRA1002:new AesGcm(key, /* short */ 12)|};
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0053
            class C
            {
                object A(byte[] key) => new AesGcm(key, AesGcm.TagByteSizes.MaxSize); // legacy
                object B(byte[] key) => new AesGcm(key, /* short */ AesGcm.TagByteSizes.MaxSize);
            }
            """;

        await TagFix.VerifyAsync(source, fixedSource, Yaml);
    }

    [Fact]
    public async Task KeySize_IsRaisedToControlMinimum()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void A(Aes aes)
                {
                    {|SRA1004:aes.KeySize = 128|}; // too small
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class C
            {
                void A(Aes aes)
                {
                    aes.KeySize = 256; // too small
                }
            }
            """;

        await KeySizeFix.VerifyAsync(source, fixedSource, Yaml);
    }

    [Fact]
    public async Task ShortKeyArray_OffersNoKeySizeFix()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void A()
                {
                    var key = RandomNumberGenerator.GetBytes(16);
                    using var gcm = new AesGcm({|SRA1004:key|}, 16);
                }
            }
            """;

        await KeySizeFix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task Nonce_LocalIsRefilledBeforeEachEncrypt()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                void Loop(AesGcm gcm, byte[][] messages, byte[] c, byte[] t)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    foreach (var message in messages)
                    {
                        // encrypt one message
                        gcm.Encrypt({|SRA1006:nonce|}, message, c, t);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class C
            {
                void Loop(AesGcm gcm, byte[][] messages, byte[] c, byte[] t)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    foreach (var message in messages)
                    {
                        // encrypt one message
                        RandomNumberGenerator.Fill(nonce);
                        gcm.Encrypt(nonce, message, c, t);
                    }
                }
            }
            """;

        await NonceFix.VerifyAsync(source, fixedSource, Yaml);
    }

    [Fact]
    public async Task Nonce_SharedFieldIsReplacedByFreshLocal()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                static readonly byte[] Nonce = new byte[12];

                void A(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    gcm.Encrypt({|SRA1006:Nonce|}, p, c, t);
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography;
            class C
            {
                static readonly byte[] Nonce = new byte[12];

                void A(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
                    gcm.Encrypt(nonce, p, c, t);
                }
            }
            """;

        await NonceFix.VerifyAsync(source, fixedSource, Yaml);
    }
}
