namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>The C# texts the tests propose to the server.</summary>
internal static class Samples
{
    public const string LegacyVaultPath = "Storage/LegacyVault.cs";

    /// <summary>
    /// DES.Create() at line 9, column 25 to column 37: SRA1001, with no code fix (a DES key is 8 bytes and can never be
    /// an AES-256 key, so the AES-GCM helper would throw on every call); the fix tool says what to write by hand.
    /// </summary>
    public const string LegacyVault = """
        using System.Security.Cryptography;

        namespace App.Storage;

        public sealed class LegacyVault
        {
            public byte[] Seal(byte[] key, byte[] iv, byte[] data)
            {
                using var des = DES.Create();
                des.Key = key;
                return des.EncryptCbc(data, iv);
            }
        }

        """;

    public const string RijndaelVaultPath = "Storage/RijndaelVault.cs";

    /// <summary>Rijndael.Create() at line 9, column 30 to column 47: SRA1001, which the code fix rewrites (a Rijndael key can be 32 bytes).</summary>
    public const string RijndaelVault = """
        using System.Security.Cryptography;

        namespace App.Storage;

        public sealed class RijndaelVault
        {
            public byte[] Seal(byte[] key, byte[] iv, byte[] data)
            {
                using var rijndael = Rijndael.Create();
                rijndael.Key = key;
                return rijndael.EncryptCbc(data, iv);
            }
        }

        """;

    /// <summary>What the fix makes of <see cref="RijndaelVault"/> before the helper class it appends.</summary>
    public const string RijndaelVaultFixedStart = """
        using System.Security.Cryptography;

        namespace App.Storage;

        public sealed class RijndaelVault
        {
            public byte[] Seal(byte[] key, byte[] iv, byte[] data)
            {
                return AesGcmEncryption.Encrypt(key, data);
            }
        }

        /// <summary>
        /// AES-GCM as the security requirements prescribe
        """;

    /// <summary>AES-256-GCM done right: nothing to report.</summary>
    public const string CleanSealer = """
        using System.Security.Cryptography;

        namespace App.Storage;

        public static class Sealer
        {
            public static byte[] Seal(byte[] key, byte[] plaintext)
            {
                var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
                var output = new byte[plaintext.Length];
                var tag = new byte[AesGcm.TagByteSizes.MaxSize];
                using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
                aes.Encrypt(nonce, plaintext, output, tag);
                return [.. nonce, .. output, .. tag];
            }
        }

        """;

    /// <summary>A literal key at line 9, column 36 (SRA1005, which has no code fix).</summary>
    public const string HardCodedKey = """
        using System.Security.Cryptography;
        using System.Text;

        namespace App.Storage;

        public static class KeyedSealer
        {
            private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");

            public static AesGcm Create() => new AesGcm(Key, 16);
        }

        """;
}
