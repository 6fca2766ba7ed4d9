using System.Security.Cryptography;

namespace Samples.Compliant;

public static class Hashing
{
    public static byte[] Fingerprint(byte[] data) => SHA256.HashData(data);
}
