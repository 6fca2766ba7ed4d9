using Microsoft.AspNetCore.Authentication.OAuth;

namespace Samples.Noncompliant;

// SEC-002 (oauth-pkce check, SRA2xxx): an authorization-code flow without PKCE.
public static class OAuthLogin
{
    public static string BuildAuthorizeUrl(string authority, string clientId, string redirectUri) =>
        $"{authority}/authorize?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}";

    public static void Configure(OAuthOptions options)
    {
        options.UsePkce = false;
        options.ClientId = "sample-client";
    }
}
