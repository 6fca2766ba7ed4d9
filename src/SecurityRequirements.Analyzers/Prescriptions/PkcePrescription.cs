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

            public static string CreateChallenge(string codeVerifier) =>
                Base64Url(global::System.Security.Cryptography.SHA256.HashData(global::System.Text.Encoding.ASCII.GetBytes(codeVerifier)));

            private static string Base64Url(byte[] bytes) =>
                global::System.Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        """;
}
