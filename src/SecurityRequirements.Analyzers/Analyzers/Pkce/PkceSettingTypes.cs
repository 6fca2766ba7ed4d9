using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// The types whose PKCE settings SRA2006 reads: the ASP.NET Core handlers' options (<c>UsePkce</c>) and the
/// IdentityServer clients (<c>RequirePkce</c>, <c>AllowPlainTextPkce</c>). The attestation generator counts
/// configuration-bound PKCE settings only in a compilation that has one of them, as the analyzer reports them.
/// </summary>
internal static class PkceSettingTypes
{
    public static readonly string[] Options =
    {
        "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
        "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions",
    };

    public static readonly string[] Clients = { "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client" };

    public static bool AnyIn(Compilation compilation)
    {
        foreach (var name in Options)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        foreach (var name in Clients)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
