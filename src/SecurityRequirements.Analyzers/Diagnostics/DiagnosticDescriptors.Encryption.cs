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
        "{0} '{1}': {2}; construct it as new AesGcm(key, AesGcm.TagByteSizes.MaxSize) and size every tag buffer it uses to AesGcm.TagByteSizes.MaxSize, so every message carries a 16-byte tag",
        DiagnosticCategories.Encryption,
        "A shorter GCM tag makes forgeries more likely, and the obsolete AesGcm(key) constructor lets each call choose its own tag length. A control with 'check: encryption' requires a fixed 16-byte tag.");

    public static readonly DiagnosticDescriptor NonAeadCipherMode = Rule(
        DiagnosticIds.NonAeadCipherMode,
        "Encrypt with AES-GCM, not a block cipher mode without authentication",
        "{0} '{1}': {2} runs {3} in {4}, which does not authenticate the ciphertext; {5}",
        DiagnosticCategories.Encryption,
        "SymmetricAlgorithm encryptors (CreateEncryptor and the EncryptCbc, EncryptEcb and EncryptCfb one-shot methods) use CBC, ECB, CFB, OFB or CTS, none of which detects tampering. A control with 'check: encryption' requires an AEAD algorithm such as AES-256-GCM. Reported at each encryption, at each constant Mode assignment wherever it is written, and where an Aes object that leaves its method (returned or stored) is made. Decryption is not reported, so data written with an old mode can still be read during a migration.");

    public static readonly DiagnosticDescriptor KeyTooShort = Rule(
        DiagnosticIds.KeyTooShort,
        "Use keys of at least the required size",
        "{0} '{1}': {2} gives a {3}-bit key, below the required {4} bits; {5}",
        DiagnosticCategories.Encryption,
        "A control with 'check: encryption' sets the minimum key size with 'min_key_bits' (256 by default). Keys whose size is known at compile time (a KeySize constant, a key array of constant length) must reach it.");

    public static readonly DiagnosticDescriptor HardCodedKeyMaterial = Rule(
        DiagnosticIds.HardCodedKeyMaterial,
        "Do not hard-code keys or IVs",
        "{0} '{1}': the {2} passed to {3} is {4}; {5}",
        DiagnosticCategories.Encryption,
        "A key or IV written in source (an array initializer, a string encoded to bytes, base64 or hex of a literal, a zero-filled array, or a readonly field holding one) is known to everyone who can read the code or the binary. Keys come from a key store; IVs are generated per message.");

    public static readonly DiagnosticDescriptor FixedNonce = Rule(
        DiagnosticIds.FixedNonce,
        "Use a fresh random nonce for every AEAD encryption",
        "{0} '{1}': the nonce passed to {2} is {3}; generate it with RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize) for every message and store it with the ciphertext, or call AesGcmEncryption.Encrypt, which does both",
        DiagnosticCategories.Encryption,
        "Reusing a nonce with the same key breaks AES-GCM: it reveals the XOR of the plaintexts and lets an attacker forge tags. A nonce that is a literal, an unfilled array, a shared readonly field, or the same buffer encrypted with twice is reported.");

    public static readonly DiagnosticDescriptor PredictableKeyMaterial = Rule(
        DiagnosticIds.PredictableKeyMaterial,
        "Generate security values with RandomNumberGenerator, not System.Random",
        "{0} '{1}': {2} produces {3} with System.Random, which is predictable; {4}",
        DiagnosticCategories.Encryption,
        "System.Random is not a cryptographic generator: its output can be predicted from a few values or from its seed. Keys, IVs, nonces, salts, passwords, tokens, reset and one-time codes, session and API keys must come from RandomNumberGenerator. The rule follows each System.Random result within its method into crypto and hash APIs, Convert.ToBase64String and similar encoders, members, locals and parameters whose names say they hold such a value, values returned by methods named so, and random text assembled and returned; delays, shuffles, sampling and test data stay silent. 'forbid_system_random: true' reports every call on System.Random.");

    public static readonly DiagnosticDescriptor WeakHash = Rule(
        DiagnosticIds.WeakHash,
        "Hash with SHA-256 or stronger, not MD5 or SHA-1",
        "{0} '{1}': {2} uses {3}, which is broken for collision resistance; use {4}",
        DiagnosticCategories.Encryption,
        "MD5 and SHA-1 collisions can be produced in practice. The rule applies to controls with 'check: encryption' that set 'forbid_weak_hashes: true'; it covers the MD5/SHA1/HMACMD5/HMACSHA1 types and their static HashData methods, IncrementalHash with those algorithm names, and CryptoConfig/HashAlgorithm.Create with their names.");

    public static readonly DiagnosticDescriptor BouncyCastleNonAead = Rule(
        DiagnosticIds.BouncyCastleNonAead,
        "Use GcmBlockCipher over AesEngine with BouncyCastle",
        "{0} '{1}': BouncyCastle {2} is {3}; use new GcmBlockCipher(new AesEngine()) with a {4}-bit key, a random 12-byte nonce and a 128-bit MAC, or .NET's AesGcm",
        DiagnosticCategories.Encryption,
        "BouncyCastle's legacy engines (DES, Triple DES, RC2, RC4, Blowfish) and its unauthenticated block modes (CBC, ECB, CFB, OFB, CTR/SIC, CTS), and CipherUtilities names that select them, are reported under a control with 'check: encryption'. GcmBlockCipher, CcmBlockCipher and ChaCha20Poly1305 are authenticated and stay silent.");

    /// <summary>Decided at compilation end, when every call site is known: the IDE shows it after a build or with full solution analysis.</summary>
    public static readonly DiagnosticDescriptor HardCodedKeyArgument = new(
        DiagnosticIds.HardCodedKeyArgument,
        "Do not pass hard-coded keys or IVs into encryption methods",
        "{0} '{1}': the {2} passed to {3} is {4}, and every call of {5} in the compilation passes a hard-coded value ({6}); {7}",
        DiagnosticCategories.Encryption,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A helper such as Encrypt(text, key) looks clean on its own, but when every call in the compilation passes a string literal, a constant or a byte array literal, the key (or IV) is as hard-coded as if it were written at the cipher. Reported at the cipher, naming the first call site, once all call sites are known (at compilation end).",
        helpLinkUri: HelpLinks.ForId(DiagnosticIds.HardCodedKeyArgument),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
