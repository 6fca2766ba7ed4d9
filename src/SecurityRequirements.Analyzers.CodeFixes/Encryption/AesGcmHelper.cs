using System.Linq;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Prescriptions;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// The prescribed AES-256-GCM implementation the fixes call, added once per project (see <see cref="ProjectHelperClass"/>).
/// Output layout: nonce (12 bytes) || ciphertext || tag (16 bytes). Names are fully qualified so the class compiles in any file.
/// </summary>
internal static class AesGcmHelper
{
    public const string TypeName = AesGcmPrescription.TypeName;

    public const string ClassSource = AesGcmPrescription.ClassSource;

    public static readonly ProjectHelperClass Helper = new(TypeName, "Encrypt", ClassSource);

    /// <summary>The helper can be used when AesGcm has the (key, tagSizeInBytes) constructor (.NET 8+).</summary>
    public static bool CanUse(Compilation compilation)
    {
        var aesGcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        return aesGcm is not null && aesGcm.InstanceConstructors.Any(c =>
            c.Parameters.Length == 2 && c.Parameters[0].Type is IArrayTypeSymbol && c.Parameters[1].Type.SpecialType == SpecialType.System_Int32);
    }
}
