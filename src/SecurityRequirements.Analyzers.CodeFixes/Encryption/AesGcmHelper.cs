using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// The prescribed AES-256-GCM implementation the fixes call, added once per project as its own file.
/// Output layout: nonce (12 bytes) || ciphertext || tag (16 bytes).
/// </summary>
internal static class AesGcmHelper
{
    public const string TypeName = "AesGcmEncryption";
    public const string FileName = "AesGcmEncryption.cs";

    public const string Source = """
        #nullable enable
        using System;
        using System.Security.Cryptography;

        /// <summary>
        /// AES-GCM as the security requirements prescribe: a fresh random 12-byte nonce for every message and a
        /// 16-byte tag. The output is nonce || ciphertext || tag, so Decrypt needs only the key.
        /// </summary>
        internal static class AesGcmEncryption
        {
            private const int NonceSize = 12;
            private const int TagSize = 16;

            public static byte[] Encrypt(byte[] key, byte[] plaintext, byte[]? associatedData = null)
            {
                var output = new byte[NonceSize + plaintext.Length + TagSize];
                var nonce = output.AsSpan(0, NonceSize);
                RandomNumberGenerator.Fill(nonce);
                using var aes = new AesGcm(key, TagSize);
                aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length, TagSize), associatedData);
                return output;
            }

            public static byte[] Decrypt(byte[] key, byte[] sealedData, byte[]? associatedData = null)
            {
                if (sealedData.Length < NonceSize + TagSize)
                {
                    throw new CryptographicException("The data is too short to hold a nonce and a tag.");
                }

                var plaintext = new byte[sealedData.Length - NonceSize - TagSize];
                using var aes = new AesGcm(key, TagSize);
                aes.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize, plaintext.Length), sealedData.AsSpan(NonceSize + plaintext.Length, TagSize), plaintext, associatedData);
                return plaintext;
            }
        }

        """;

    /// <summary>Adds the helper file unless the project already has a type of that name.</summary>
    public static async Task<Solution> EnsureAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation?.GetTypeByMetadataName(TypeName) is not null)
        {
            return solution;
        }

        return solution.AddDocument(DocumentId.CreateNewId(projectId, FileName), FileName, Source);
    }

    /// <summary>The helper can be used when the project's AesGcm has the (key, tagSizeInBytes) constructor (.NET 8+) and no other type has its name.</summary>
    public static bool CanUse(Compilation compilation)
    {
        var aesGcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        if (aesGcm is null)
        {
            return false;
        }

        var hasTagConstructor = false;
        foreach (var constructor in aesGcm.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 2 && constructor.Parameters[0].Type is IArrayTypeSymbol && constructor.Parameters[1].Type.SpecialType == SpecialType.System_Int32)
            {
                hasTagConstructor = true;
            }
        }

        var existing = compilation.GetTypeByMetadataName(TypeName);
        return hasTagConstructor && (existing is null || existing.GetMembers("Encrypt").Length > 0);
    }
}
