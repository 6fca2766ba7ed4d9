using System;
using System.Security.Cryptography;

namespace Samples.Noncompliant;

// SEC-001 (encryption check): AesGcm used wrongly: short tag, fixed and reused nonces, predictable key.
public static class WeakAead
{
    private static readonly byte[] SharedNonce = new byte[12];

    public static (byte[] Ciphertext, byte[] Tag) Seal(byte[] key, byte[] plaintext)
    {
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[12];
        using var aes = new AesGcm(key, 12);
        aes.Encrypt(SharedNonce, plaintext, ciphertext, tag);
        return (ciphertext, tag);
    }

    public static byte[] Open(byte[] key, byte[] ciphertext, byte[] tag)
    {
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, 12);
        aes.Decrypt(SharedNonce, ciphertext, tag, plaintext);
        return plaintext;
    }

    public static void SealAll(AesGcm aes, byte[][] messages, byte[] ciphertext, byte[] tag)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        foreach (var message in messages)
        {
            aes.Encrypt(nonce, message, ciphertext, tag);
        }
    }

    public static AesGcm NewCipher()
    {
        var key = new byte[32];
        new Random().NextBytes(key);
        return new AesGcm(key, 16);
    }
}
