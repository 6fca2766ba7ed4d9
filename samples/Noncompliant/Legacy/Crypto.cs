using System.Security.Cryptography;

namespace Legacy;

public static class Crypto
{
    private static readonly byte[] OldKey =
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    ];

    // Waived for SEC-001 by the `exceptions:` entry of security_requirements.yaml until 2027-03-31.
    public static byte[] DecryptV1(byte[] ciphertext)
    {
        using var aes = Aes.Create();
        aes.Key = OldKey;
        return aes.DecryptCbc(ciphertext, new byte[16]);
    }
}
