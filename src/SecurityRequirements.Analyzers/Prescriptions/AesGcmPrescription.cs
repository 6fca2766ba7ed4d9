namespace SecurityRequirements.Analyzers.Prescriptions;

/// <summary>
/// The prescribed AES-256-GCM implementation: a fresh random 12-byte nonce per message, a 16-byte tag, output
/// nonce || ciphertext || tag. The SRA1001/SRA1003 fixes add it once per project; the requirements brief shows it.
/// Names are fully qualified so the class compiles in any file.
/// </summary>
internal static class AesGcmPrescription
{
    public const string TypeName = "AesGcmEncryption";

    public const string ClassSource = """
        /// <summary>
        /// AES-GCM as the security requirements prescribe: a 32-byte (AES-256) key, a fresh random 12-byte nonce for
        /// every message and a 16-byte tag. The output is nonce || ciphertext || tag, so Decrypt needs only the key.
        /// </summary>
        internal static class AesGcmEncryption
        {
            private const int KeySize = 32;
            private const int NonceSize = 12;
            private const int TagSize = 16;

            public static byte[] Encrypt(byte[] key, byte[] plaintext) => Encrypt(key, plaintext, global::System.Array.Empty<byte>());

            public static byte[] Encrypt(byte[] key, byte[] plaintext, byte[] associatedData)
            {
                global::System.ArgumentNullException.ThrowIfNull(plaintext);
                global::System.ArgumentNullException.ThrowIfNull(associatedData);
                RequireAes256Key(key);
                var output = new byte[NonceSize + plaintext.Length + TagSize];
                var nonce = new global::System.Span<byte>(output, 0, NonceSize);
                global::System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
                using var aes = new global::System.Security.Cryptography.AesGcm(key, TagSize);
                aes.Encrypt(nonce, plaintext, new global::System.Span<byte>(output, NonceSize, plaintext.Length), new global::System.Span<byte>(output, NonceSize + plaintext.Length, TagSize), associatedData);
                return output;
            }

            public static byte[] Decrypt(byte[] key, byte[] sealedData) => Decrypt(key, sealedData, global::System.Array.Empty<byte>());

            public static byte[] Decrypt(byte[] key, byte[] sealedData, byte[] associatedData)
            {
                global::System.ArgumentNullException.ThrowIfNull(sealedData);
                global::System.ArgumentNullException.ThrowIfNull(associatedData);
                RequireAes256Key(key);
                if (sealedData.Length < NonceSize + TagSize)
                {
                    throw new global::System.Security.Cryptography.CryptographicException("The data is too short to hold a nonce and a tag.");
                }

                var plaintext = new byte[sealedData.Length - NonceSize - TagSize];
                using var aes = new global::System.Security.Cryptography.AesGcm(key, TagSize);
                aes.Decrypt(new global::System.ReadOnlySpan<byte>(sealedData, 0, NonceSize), new global::System.ReadOnlySpan<byte>(sealedData, NonceSize, plaintext.Length), new global::System.ReadOnlySpan<byte>(sealedData, NonceSize + plaintext.Length, TagSize), plaintext, associatedData);
                return plaintext;
            }

            // A shorter key would silently select AES-128/192, and a DES/TripleDES/RC2 key cannot be reused at all.
            private static void RequireAes256Key(byte[] key)
            {
                global::System.ArgumentNullException.ThrowIfNull(key);
                if (key.Length != KeySize)
                {
                    throw new global::System.ArgumentException("AES-256-GCM needs a 32-byte key; keys of legacy ciphers (DES, TripleDES, RC2, Rijndael) must be replaced by a newly provisioned 256-bit key.", nameof(key));
                }
            }
        }
        """;
}
