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
    public async Task TagSize_AddsMaxSizeResizesTheTagBuffersAndKeepsComments()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0053
            class C
            {
                byte[] A(byte[] key, byte[] nonce, byte[] p, byte[] c)
                {
                    var tag = new byte[12]; // tag
                    using var aes = {|SRA1002:new AesGcm(key)|}; // legacy
                    aes.Encrypt(nonce, p, c, tag);
                    return tag;
                }

                byte[] B(byte[] key, byte[] nonce, byte[] c, byte[] tag)
                {
                    var p = new byte[c.Length];
                    using (var aes = {|SRA1002:new AesGcm(key, /* short */ 12)|})
                    {
                        aes.Decrypt(nonce, c, tag, p);
                    }

                    return p;
                }

                void D(byte[] key, byte[] nonce, byte[] p, byte[] c)
                {
                    Span<byte> tag = stackalloc byte[13];
                    using var aes = {|SRA1002:new AesGcm(key, 13)|};
                    aes.Encrypt(nonce, p, c, tag);
                    aes.Decrypt(nonce, c, tag, p);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Security.Cryptography;
            #pragma warning disable SYSLIB0053
            class C
            {
                byte[] A(byte[] key, byte[] nonce, byte[] p, byte[] c)
                {
                    var tag = new byte[AesGcm.TagByteSizes.MaxSize]; // tag
                    using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize); // legacy
                    aes.Encrypt(nonce, p, c, tag);
                    return tag;
                }

                byte[] B(byte[] key, byte[] nonce, byte[] c, byte[] tag)
                {
                    var p = new byte[c.Length];
                    using (var aes = new AesGcm(key, /* short */ AesGcm.TagByteSizes.MaxSize))
                    {
                        aes.Decrypt(nonce, c, tag, p);
                    }

                    return p;
                }

                void D(byte[] key, byte[] nonce, byte[] p, byte[] c)
                {
                    Span<byte> tag = stackalloc byte[AesGcm.TagByteSizes.MaxSize];
                    using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
                    aes.Encrypt(nonce, p, c, tag);
                    aes.Decrypt(nonce, c, tag, p);
                }
            }
            """;

        await TagFix.VerifyAsync(source, fixedSource, Yaml);
    }

    [Fact]
    public async Task TagSize_TagsTheMethodCannotSize_OfferNoFix()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                // Leaves the method: whoever encrypts with it sizes the tag.
                AesGcm Escapes(byte[] key) => {|SRA1002:new AesGcm(key, 12)|};

                // The caller's tag buffer.
                void Caller(byte[] key, byte[] n, byte[] p, byte[] c, byte[] tag)
                {
                    using var aes = {|SRA1002:new AesGcm(key, 12)|};
                    aes.Encrypt(n, p, c, tag);
                }

                // Reassigned: which buffer reaches the call is not clear.
                void Reassigned(byte[] key, byte[] n, byte[] p, byte[] c, byte[] other)
                {
                    var tag = new byte[12];
                    tag = other;
                    using var aes = {|SRA1002:new AesGcm(key, 12)|};
                    aes.Encrypt(n, p, c, tag);
                }
            }
            """;

        await TagFix.VerifyAsync(source, source, Yaml);
    }

    [Fact]
    public async Task TagSize_ProjectWithADecryptionThatCannotFollow_OffersNoFix()
    {
        // Seal alone could take 16-byte tags, but Open slices 12 and would fail on every message Seal wrote.
        const string source = """
            using System;
            using System.Security.Cryptography;
            class C
            {
                byte[] Seal(byte[] key, byte[] n, byte[] p)
                {
                    var c = new byte[p.Length];
                    var tag = new byte[12];
                    using var aes = {|SRA1002:new AesGcm(key, 12)|};
                    aes.Encrypt(n, p, c, tag);
                    return [.. c, .. tag];
                }

                byte[] Open(byte[] key, byte[] n, byte[] sealedData)
                {
                    var p = new byte[sealedData.Length - 12];
                    using var aes = {|SRA1002:new AesGcm(key, 12)|};
                    aes.Decrypt(n, sealedData.AsSpan(0, p.Length), sealedData.AsSpan(sealedData.Length - 12), p);
                    return p;
                }
            }
            """;

        await TagFix.VerifyAsync(source, source, Yaml);
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
    public async Task Nonce_KeptLocalIsRefilledBeforeEachEncrypt()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Security.Cryptography;
            class C
            {
                void Loop(AesGcm gcm, byte[][] messages, List<byte[]> output)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    foreach (var message in messages)
                    {
                        var c = new byte[message.Length];
                        var t = new byte[16];
                        // encrypt one message
                        gcm.Encrypt({|SRA1006:nonce|}, message, c, t);
                        output.Add([.. nonce, .. c, .. t]);
                    }
                }

                byte[] Once(AesGcm gcm, byte[] p)
                {
                    var nonce = new byte[12];
                    var c = new byte[p.Length];
                    var t = new byte[16];
                    gcm.Encrypt({|SRA1006:nonce|}, p, c, t);
                    return [.. nonce, .. c, .. t];
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Security.Cryptography;
            class C
            {
                void Loop(AesGcm gcm, byte[][] messages, List<byte[]> output)
                {
                    var nonce = RandomNumberGenerator.GetBytes(12);
                    foreach (var message in messages)
                    {
                        var c = new byte[message.Length];
                        var t = new byte[16];
                        // encrypt one message
                        RandomNumberGenerator.Fill(nonce);
                        gcm.Encrypt(nonce, message, c, t);
                        output.Add([.. nonce, .. c, .. t]);
                    }
                }

                byte[] Once(AesGcm gcm, byte[] p)
                {
                    var nonce = new byte[12];
                    var c = new byte[p.Length];
                    var t = new byte[16];
                    RandomNumberGenerator.Fill(nonce);
                    gcm.Encrypt(nonce, p, c, t);
                    return [.. nonce, .. c, .. t];
                }
            }
            """;

        await NonceFix.VerifyAsync(source, fixedSource, Yaml);
    }

    [Fact]
    public async Task Nonce_NotKeptOrKeptBeforeTheEncryption_OffersNoFix()
    {
        const string source = """
            using System.IO;
            using System.Security.Cryptography;
            class C
            {
                static readonly byte[] Nonce = new byte[12];

                // A shared field: a fresh nonce would have to be stored somewhere the method cannot choose.
                void Field(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    gcm.Encrypt({|SRA1006:Nonce|}, p, c, t);
                }

                // Read by nothing but the encryption: a random nonce would be lost, and the data with it.
                void Unkept(AesGcm gcm, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    gcm.Encrypt({|SRA1006:nonce|}, p, c, t);
                }

                // Written out before the encryption: the stream would hold the old nonce.
                void WrittenFirst(AesGcm gcm, Stream output, byte[] p, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    output.Write(nonce);
                    gcm.Encrypt({|SRA1006:nonce|}, p, c, t);
                    output.Write(c);
                }

                // Kept once for the whole loop: only the last message's nonce would survive.
                byte[] KeptAfterTheLoop(AesGcm gcm, byte[][] messages, byte[] c, byte[] t)
                {
                    var nonce = new byte[12];
                    foreach (var message in messages)
                    {
                        gcm.Encrypt({|SRA1006:nonce|}, message, c, t);
                    }

                    return nonce;
                }
            }
            """;

        await NonceFix.VerifyAsync(source, source, Yaml);
    }
}
