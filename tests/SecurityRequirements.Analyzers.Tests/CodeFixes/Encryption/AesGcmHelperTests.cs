using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.CodeFixes.Encryption;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Encryption;

/// <summary>The helper text the fixes add, compiled and run: it round-trips with a 256-bit key and refuses any other key.</summary>
public class AesGcmHelperTests
{
    private static readonly Lazy<Type> Helper = new(() =>
    {
        var compilation = AnalyzerRunner.Compile(AesGcmHelper.ClassSource);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(nameof(AesGcmHelperTests), isCollectible: true).LoadFromStream(image).GetType(AesGcmHelper.TypeName)!;
    });

    [Fact]
    public void Aes256Key_RoundTripsAsNonceCiphertextTag()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var plaintext = "attack at dawn"u8.ToArray();

        var sealedData = Invoke<byte[]>("Encrypt", key, plaintext);

        Assert.Equal(12 + plaintext.Length + 16, sealedData.Length);
        Assert.Equal(plaintext, Invoke<byte[]>("Decrypt", key, sealedData));
        Assert.NotEqual(sealedData, Invoke<byte[]>("Encrypt", key, plaintext));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(24)]
    public void LegacyOrShortKey_ThrowsArgumentExceptionAskingForANewKey(int keyBytes)
    {
        var key = new byte[keyBytes];

        foreach (var method in new[] { "Encrypt", "Decrypt" })
        {
            var exception = Assert.Throws<ArgumentException>(() => Invoke<byte[]>(method, key, new byte[40]));
            Assert.Equal("key", exception.ParamName);
            Assert.StartsWith("AES-256-GCM needs a 32-byte key; keys of legacy ciphers (DES, TripleDES, RC2, Rijndael) must be replaced by a newly provisioned 256-bit key.", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TamperedCiphertextOrTag_IsRejected()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var sealedData = Invoke<byte[]>("Encrypt", key, "attack at dawn"u8.ToArray());

        foreach (var index in new[] { 0, 12, sealedData.Length - 1 })
        {
            var tampered = (byte[])sealedData.Clone();
            tampered[index] ^= 1;
            Assert.ThrowsAny<CryptographicException>(() => Invoke<byte[]>("Decrypt", key, tampered));
        }

        Assert.Throws<CryptographicException>(() => Invoke<byte[]>("Decrypt", key, new byte[27]));
    }

    [Theory]
    [InlineData("Encrypt", 0)]
    [InlineData("Encrypt", 1)]
    [InlineData("Decrypt", 0)]
    [InlineData("Decrypt", 1)]
    public void NullArgument_ThrowsArgumentNullExceptionNamingIt(string method, int nullIndex)
    {
        var arguments = new object?[] { RandomNumberGenerator.GetBytes(32), new byte[40] };
        arguments[nullIndex] = null;

        var exception = Assert.Throws<ArgumentNullException>(() => Invoke<byte[]>(method, arguments!));

        Assert.Equal(nullIndex == 0 ? "key" : method == "Encrypt" ? "plaintext" : "sealedData", exception.ParamName);
    }

    private static T Invoke<T>(string name, params object[] arguments)
    {
        var method = Helper.Value.GetMethod(name, BindingFlags.Public | BindingFlags.Static, new[] { typeof(byte[]), typeof(byte[]) })!;
        try
        {
            return (T)method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            throw wrapped.InnerException;
        }
    }
}
