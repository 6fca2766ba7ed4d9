namespace SecurityRequirements.Analyzers.Prescriptions;

/// <summary>
/// The prescribed PKCE implementation (RFC 7636, S256): a 256-bit random verifier and its SHA-256 challenge, both
/// Base64Url without padding. The SRA2005 fix adds it once per project; the requirements brief shows it.
/// </summary>
internal static class PkcePrescription
{
    public const string TypeName = "PkceCodes";

    public const string ClassSource = """
        /// <summary>
        /// PKCE (RFC 7636) with the S256 method: keep the verifier with the user's sign-in state, send the challenge in
        /// the authorize request and the verifier in the token request.
        /// </summary>
        internal static class PkceCodes
        {
            public static string CreateVerifier() => Base64Url(global::System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

            /// <summary>The S256 challenge of a verifier of 43 to 128 unreserved characters (A-Z, a-z, 0-9, '-', '.', '_', '~'), as RFC 7636 section 4.1 requires.</summary>
            public static string CreateChallenge(string codeVerifier)
            {
                global::System.ArgumentNullException.ThrowIfNull(codeVerifier);
                if (codeVerifier.Length is < 43 or > 128)
                {
                    throw new global::System.ArgumentException("A PKCE code verifier has 43 to 128 characters (RFC 7636, section 4.1); create one with CreateVerifier.", nameof(codeVerifier));
                }

                foreach (var c in codeVerifier)
                {
                    if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~'))
                    {
                        throw new global::System.ArgumentException("A PKCE code verifier uses only A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636, section 4.1); create one with CreateVerifier.", nameof(codeVerifier));
                    }
                }

                return Base64Url(global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.ASCII.GetBytes(codeVerifier)));
            }

            private static string Base64Url(byte[] bytes) =>
                global::System.Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        """;
}
