using System.Security.Cryptography;

namespace Samples.Noncompliant;

// SEC-001 (encryption check, SRA1xxx): none of this is AES-256-GCM.
public static class WeakEncryption
{
    private static readonly byte[] FixedKey = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];

    private static readonly byte[] FixedAesKey =
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    ];

    private static readonly byte[] FixedIv = new byte[16];

    public static byte[] EncryptWithDes(byte[] plaintext)
    {
        using var des = DES.Create();
        des.Key = FixedKey;
        des.IV = FixedKey;
        return des.EncryptCbc(plaintext, FixedKey);
    }

    public static byte[] EncryptWithAesCbc(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.KeySize = 128;
        aes.Key = FixedAesKey;
        aes.Mode = CipherMode.CBC;
        aes.IV = FixedIv;
        using var encryptor = aes.CreateEncryptor();
        return encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
    }
}
