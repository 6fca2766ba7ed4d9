using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>The real OAuth packages the oauth-pkce tests compile against (net8.0 references).</summary>
internal static class OAuthReferences
{
    /// <summary>ASP.NET Core 8 shared framework (OAuthOptions) plus the OpenID Connect and Google handler packages.</summary>
    public static ReferenceAssemblies AspNetCore { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.34"),
        new PackageIdentity("Microsoft.AspNetCore.Authentication.OpenIdConnect", "8.0.34"),
        new PackageIdentity("Microsoft.AspNetCore.Authentication.Google", "8.0.33")));

    /// <summary>Microsoft.IdentityModel.Tokens (SecurityTokenDescriptor) and System.IdentityModel.Tokens.Jwt.</summary>
    public static ReferenceAssemblies Jwt { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.IdentityModel.Tokens", "8.23.0"),
        new PackageIdentity("System.IdentityModel.Tokens.Jwt", "8.23.0")));

    /// <summary>The OpenIddict server builder.</summary>
    public static ReferenceAssemblies OpenIddict { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("OpenIddict.Server", "7.8.0")));

    /// <summary>Duende.IdentityModel (RequestUrl, AuthorizationCodeTokenRequest).</summary>
    public static ReferenceAssemblies DuendeIdentityModel { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Duende.IdentityModel", "8.1.0")));

    /// <summary>The older IdentityModel package (same API, IdentityModel.Client namespace).</summary>
    public static ReferenceAssemblies IdentityModel { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("IdentityModel", "6.2.0")));

    /// <summary>MSAL.NET (Microsoft.Identity.Client).</summary>
    public static ReferenceAssemblies Msal { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.Identity.Client", "4.78.0")));
}
