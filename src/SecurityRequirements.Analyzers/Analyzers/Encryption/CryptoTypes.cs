using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>The System.Security.Cryptography types the encryption rules need, resolved once per compilation.</summary>
internal sealed class CryptoTypes
{
    private CryptoTypes(Compilation compilation)
    {
        SymmetricAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
        Aes = compilation.GetTypeByMetadataName("System.Security.Cryptography.Aes");
        AesGcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        AesCcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesCcm");
        ChaCha20Poly1305 = compilation.GetTypeByMetadataName("System.Security.Cryptography.ChaCha20Poly1305");
        CipherMode = compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
        RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
        SystemRandom = compilation.GetTypeByMetadataName("System.Random");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        Convert = compilation.GetTypeByMetadataName("System.Convert");
        DES = compilation.GetTypeByMetadataName("System.Security.Cryptography.DES");
        TripleDES = compilation.GetTypeByMetadataName("System.Security.Cryptography.TripleDES");
        RC2 = compilation.GetTypeByMetadataName("System.Security.Cryptography.RC2");
        Rijndael = compilation.GetTypeByMetadataName("System.Security.Cryptography.Rijndael");
        HashAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm");
        DeriveBytes = compilation.GetTypeByMetadataName("System.Security.Cryptography.DeriveBytes");
        LegacyAlgorithms = new[] { DES, TripleDES, RC2, Rijndael };
    }

    public INamedTypeSymbol? SymmetricAlgorithm { get; }

    public INamedTypeSymbol? Aes { get; }

    public INamedTypeSymbol? AesGcm { get; }

    public INamedTypeSymbol? AesCcm { get; }

    public INamedTypeSymbol? ChaCha20Poly1305 { get; }

    public INamedTypeSymbol? CipherMode { get; }

    public INamedTypeSymbol? RandomNumberGenerator { get; }

    public INamedTypeSymbol? SystemRandom { get; }

    public INamedTypeSymbol? Encoding { get; }

    public INamedTypeSymbol? Convert { get; }

    public INamedTypeSymbol? DES { get; }

    public INamedTypeSymbol? TripleDES { get; }

    public INamedTypeSymbol? RC2 { get; }

    public INamedTypeSymbol? Rijndael { get; }

    public INamedTypeSymbol? HashAlgorithm { get; }

    /// <summary>Base of Rfc2898DeriveBytes and PasswordDeriveBytes.</summary>
    public INamedTypeSymbol? DeriveBytes { get; }

    /// <summary>DES, TripleDES, RC2 and Rijndael, in that order (null where the compilation lacks one).</summary>
    public INamedTypeSymbol?[] LegacyAlgorithms { get; }

    public static CryptoTypes Resolve(Compilation compilation) => new(compilation);

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>DES, TripleDES, RC2 and Rijndael are reported by SRA1001 already.</summary>
    public bool IsLegacyAlgorithm(ITypeSymbol? type)
    {
        foreach (var legacy in LegacyAlgorithms)
        {
            if (DerivesFrom(type, legacy))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The AEAD types whose constructor takes the key and whose Encrypt takes the nonce first.</summary>
    public bool IsAead(ITypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, AesGcm) || SymbolEqualityComparer.Default.Equals(type, AesCcm) || SymbolEqualityComparer.Default.Equals(type, ChaCha20Poly1305));
}
