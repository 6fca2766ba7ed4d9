using System.Globalization;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>The "what to write instead" part of encryption messages, derived from the control's parameters.</summary>
internal static class EncryptionAdvice
{
    public static string UseAead(EncryptionParameters parameters)
    {
        var advice = string.Format(
            CultureInfo.InvariantCulture,
            "use AesGcm with a {0}-bit key, a random 12-byte nonce from RandomNumberGenerator and a 16-byte tag",
            parameters.MinKeyBits);
        return parameters.Allows(EncryptionParameters.ChaCha20Poly1305) ? advice + " (or ChaCha20Poly1305)" : advice;
    }
}
