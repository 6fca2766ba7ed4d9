using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Samples.Compliant;

// SEC-002 (oauth-pkce check): the authorization-code flow with PKCE (S256) on both requests.
public static class OAuthLogin
{
    public static void Configure(OAuthOptions options)
    {
        options.UsePkce = true;
        options.ClientId = "sample-client";
    }

    /// <summary>A random verifier and its S256 challenge (RFC 7636, section 4).</summary>
    public static (string Verifier, string Challenge) CreatePkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string BuildAuthorizeUrl(string authority, string clientId, string redirectUri, string challenge) =>
        $"{authority}/authorize?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}"
        + $"&code_challenge={challenge}&code_challenge_method=S256";

    public static FormUrlEncodedContent BuildTokenRequest(string code, string redirectUri, string verifier) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
        ["code_verifier"] = verifier,
    });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
