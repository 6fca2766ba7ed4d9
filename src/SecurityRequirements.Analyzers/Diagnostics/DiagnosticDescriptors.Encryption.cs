using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>Encryption check descriptors (SRA1xxx).</summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor WeakSymmetricAlgorithm = Rule(
        DiagnosticIds.WeakSymmetricAlgorithm,
        "Encrypt with an allowed AEAD cipher, not a legacy symmetric algorithm",
        "{0} '{1}': {2} is not an allowed cipher ({3}); {4}",
        DiagnosticCategories.Encryption,
        "A control with 'check: encryption' allows only the AEAD algorithms it lists (AES-256-GCM by default). DES, TripleDES, RC2 and Rijndael are legacy block ciphers without authentication and are reported wherever an instance is created, including through SymmetricAlgorithm.Create and CryptoConfig.CreateFromName with their names.");

    public static readonly DiagnosticDescriptor AesGcmTagTooShort = Rule(
        DiagnosticIds.AesGcmTagTooShort,
        "Construct AesGcm with a 16-byte tag",
        "{0} '{1}': {2}; construct it as new AesGcm(key, AesGcm.TagByteSizes.MaxSize) so every message carries a 16-byte tag",
        DiagnosticCategories.Encryption,
        "A shorter GCM tag makes forgeries more likely, and the obsolete AesGcm(key) constructor lets each call choose its own tag length. A control with 'check: encryption' requires a fixed 16-byte tag.");

    public static readonly DiagnosticDescriptor NonAeadCipherMode = Rule(
        DiagnosticIds.NonAeadCipherMode,
        "Encrypt with AES-GCM, not a block cipher mode without authentication",
        "{0} '{1}': {2} encrypts with {3} in {4} mode, which does not authenticate the ciphertext; {5}",
        DiagnosticCategories.Encryption,
        "SymmetricAlgorithm encryptors (CreateEncryptor and the EncryptCbc, EncryptEcb and EncryptCfb one-shot methods) use CBC, ECB, CFB, OFB or CTS, none of which detects tampering. A control with 'check: encryption' requires an AEAD algorithm such as AES-256-GCM. Decryption is not reported, so data written with an old mode can still be read during a migration.");
}
