using Microsoft.AspNetCore.Authentication.OAuth;

namespace Samples.Noncompliant;

// SEC-002 (oauth-pkce check, SRA2xxx): an authorization-code flow without PKCE.
public static class OAuthLogin
{
    // SRA2005: response_type=code with no code_challenge.
    public static string BuildAuthorizeUrl(string authority, string clientId, string redirectUri) =>
        $"{authority}/authorize?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}";

    // SRA2003: the plain method sends the verifier itself.
    public static string BuildPlainAuthorizeUrl(string authority, string clientId, string verifier) =>
        $"{authority}/authorize?response_type=code&client_id={clientId}&code_challenge={verifier}&code_challenge_method=plain";

    // SRA2005: the code is redeemed without its code_verifier.
    public static FormUrlEncodedContent BuildTokenRequest(string code, string redirectUri) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
    });

    public static void Configure(OAuthOptions options)
    {
        options.UsePkce = false;   // SRA2001
        options.ClientId = "sample-client";
    }
}
