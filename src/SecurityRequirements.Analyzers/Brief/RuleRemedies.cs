using System.Collections.Generic;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Brief;

/// <summary>
/// What the requirements brief says about each rule of a check: whether a code fix exists (kept equal to the
/// fixers' ids by a meta test) and the remedy to apply by hand where no fix applies. An agent reads these
/// before it writes code and after a build whose diagnostics <c>dotnet format</c> could not fix.
/// </summary>
internal static class RuleRemedies
{
    private static readonly Dictionary<string, RuleRemedy> ById = new(System.StringComparer.Ordinal)
    {
        [DiagnosticIds.WeakSymmetricAlgorithm] = new(true, "Encrypt with AesGcmEncryption.Encrypt and a newly provisioned 32-byte key (keys of DES, TripleDES, RC2 or Rijndael cannot be reused); keep the legacy cipher only to decrypt old data once and re-encrypt it, and move the read path to AesGcmEncryption.Decrypt in the same change", "DES, TripleDES and RC2 (their keys cannot be AES-256 keys), Rijndael instances that are not a local encrypting once with a key it is given, keys seen not to be 32 bytes, projects that decrypt with a SymmetricAlgorithm, and decryption"),
        [DiagnosticIds.AesGcmTagTooShort] = new(true, "Construct AesGcm as new AesGcm(key, AesGcm.TagByteSizes.MaxSize) and size every tag buffer to AesGcm.TagByteSizes.MaxSize (16 bytes); data sealed with a shorter tag opens only with that size, so re-encrypt it", "instances that leave the method, and tag buffers the method does not allocate or copies at the old size"),
        [DiagnosticIds.NonAeadCipherMode] = new(true, "Encrypt with AesGcmEncryption.Encrypt and a 32-byte key instead of a CBC, ECB, CFB, OFB or CTS encryptor, and move the matching decryption to AesGcmEncryption.Decrypt in the same change", "encryptors used for more than one TransformFinalBlock over a whole buffer (such as CryptoStream), keys seen not to be 32 bytes, random keys nothing keeps, projects that decrypt with a SymmetricAlgorithm, and Mode assignments and Aes objects returned or stored (remove them once nothing encrypts with them)"),
        [DiagnosticIds.KeyTooShort] = new(true, "Set KeySize = 256 and use 32-byte keys", "short key arrays: provision a 32-byte key"),
        [DiagnosticIds.HardCodedKeyMaterial] = new(false, "Read the key at run time from a key store (Azure Key Vault, AWS KMS, ASP.NET Core Data Protection, an HSM), never from source; generate each IV or nonce with RandomNumberGenerator.GetBytes"),
        [DiagnosticIds.FixedNonce] = new(true, "Create the nonce for every message with RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize) and store it with the ciphertext (nonce, ciphertext, tag), or call AesGcmEncryption.Encrypt, which does both", "nonces the code does not keep after the encryption: shared fields, literals, locals nothing stores"),
        [DiagnosticIds.PredictableKeyMaterial] = new(false, "Generate keys, IVs, nonces, salts, passwords, tokens and codes with RandomNumberGenerator: Fill or GetBytes for bytes, GetInt32 for numbers, GetString for random text"),
        [DiagnosticIds.WeakHash] = new(false, "Hash with SHA256.HashData (or SHA-384/512) and authenticate with HMACSHA256; derive password hashes with Rfc2898DeriveBytes.Pbkdf2 over SHA-256"),
        [DiagnosticIds.HardCodedKeyArgument] = new(false, "Pass keys loaded at run time from a key store, never literals, to encryption helpers; generate each IV or nonce inside the helper with RandomNumberGenerator.GetBytes"),
        [DiagnosticIds.BouncyCastleNonAead] = new(false, "Use new GcmBlockCipher(new AesEngine()) with a 256-bit key and a random 12-byte nonce, or System.Security.Cryptography.AesGcm through AesGcmEncryption"),
        [DiagnosticIds.PkceDisabled] = new(true, "Turn PKCE on: UsePkce = true (ASP.NET Core OpenID Connect and OAuth), RequirePkce = true (IdentityServer clients), RequireProofKeyForCodeExchange() (OpenIddict), WithPkce (MSAL)", "MSAL builders: add .WithPkce(codeVerifier)"),
        [DiagnosticIds.NonCodeResponseType] = new(true, "Use the authorization code flow: ResponseType = \"code\" with PKCE"),
        [DiagnosticIds.PlainCodeChallenge] = new(true, "Use code_challenge_method S256: AllowPlainTextPkce = false and no \"plain\" challenge method", "hand-built request strings and dictionaries"),
        [DiagnosticIds.TokenLifetimeTooLong] = new(true, "Set every token lifetime at or below the control's limits, as TokenLifetimes below does", "lifetimes computed at run time"),
        [DiagnosticIds.AuthorizationRequestWithoutPkce] = new(true, "Create a verifier with PkceCodes.CreateVerifier() and keep it with the sign-in state; send code_challenge = PkceCodes.CreateChallenge(verifier) with code_challenge_method=S256 in the authorize request, and code_verifier = verifier in the token request", "requests with no verifier kept in scope, and hand-built request strings and dictionaries"),
        [DiagnosticIds.UnverifiablePkceSetting] = new(false, "Write the PKCE switches as constants (UsePkce = true, RequirePkce = true, AllowPlainTextPkce = false); after binding options or clients from configuration, set them again in code"),
        [DiagnosticIds.UnauditedPiiRead] = new(true, "Call PiiAuditLog.PiiAccessed before the read, in the same method, with the signed-in user's id (a ClaimsPrincipal or HttpContext.User), the action and the client IP (HttpContext.Connection.RemoteIpAddress); null, empty or made-up constant values do not count; a team's own audit or event service counts once it is listed in the control's audit_methods", "reads with no ILogger, signed-in user or client IP in scope, and controls that name their own audit_methods"),
        [DiagnosticIds.PiiWrittenToLog] = new(true, "Log an identifier of the record (such as its Id) instead of the personal data", "types without an Id, and {@...} destructuring"),
        [DiagnosticIds.BannedSymbol] = new(false, "Do not use the banned symbol; write what the control's 'instead' names"),
        [DiagnosticIds.BannedPattern] = new(false, "Do not write strings that match the banned pattern; write what the control's 'instead' names"),
    };

    /// <summary>The remedy of a check's rule, or null for an id this catalog does not describe.</summary>
    public static RuleRemedy? For(string id) => ById.TryGetValue(id, out var remedy) ? remedy : null;

    /// <summary>Every rule the brief describes, for the meta tests.</summary>
    public static IEnumerable<string> Ids => ById.Keys;
}
