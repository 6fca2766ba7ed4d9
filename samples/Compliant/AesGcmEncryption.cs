using System.Security.Cryptography;

namespace Samples.Compliant;

/// <summary>SEC-001: AES-256-GCM with a fresh random nonce per message and a 16-byte tag.</summary>
public static class AesGcmEncryption
{
    public const int KeySizeInBytes = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <returns>nonce || tag || ciphertext.</returns>
    public static byte[] Encrypt(byte[] key, byte[] plaintext)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        var tag = output.AsSpan(NonceSize, TagSize);
        var ciphertext = output.AsSpan(NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        return output;
    }

    public static byte[] Decrypt(byte[] key, byte[] sealedMessage)
    {
        var nonce = sealedMessage.AsSpan(0, NonceSize);
        var tag = sealedMessage.AsSpan(NonceSize, TagSize);
        var ciphertext = sealedMessage.AsSpan(NonceSize + TagSize);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext);
        return plaintext;
    }
}
