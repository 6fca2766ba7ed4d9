using System.Security.Cryptography;

namespace Samples.Noncompliant;

public static class LegacyHashing
{
    // SEC-004 bans T:System.Security.Cryptography.MD5 (SRA9001); SHA256.HashData is the replacement.
    public static byte[] Fingerprint(byte[] data)
    {
        using var md5 = MD5.Create();
        return md5.ComputeHash(data);
    }
}
