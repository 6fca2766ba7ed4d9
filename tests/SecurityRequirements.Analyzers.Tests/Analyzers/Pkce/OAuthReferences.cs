using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>The real OAuth packages the oauth-pkce tests compile against (net8.0 references; sets in tests/ReferenceSets).</summary>
internal static class OAuthReferences
{
    /// <summary>ASP.NET Core 8 shared framework (OAuthOptions) plus the OpenID Connect and Google handler packages.</summary>
    public static ReferenceAssemblies AspNetCore { get; } = TestReferences.Get("OAuthAspNetCore");

    /// <summary>Microsoft.IdentityModel.Tokens (SecurityTokenDescriptor) and System.IdentityModel.Tokens.Jwt.</summary>
    public static ReferenceAssemblies Jwt { get; } = TestReferences.Get("OAuthJwt");

    /// <summary>The OpenIddict server builder.</summary>
    public static ReferenceAssemblies OpenIddict { get; } = TestReferences.Get("OAuthOpenIddict");

    /// <summary>Duende.IdentityModel (RequestUrl, AuthorizationCodeTokenRequest).</summary>
    public static ReferenceAssemblies DuendeIdentityModel { get; } = TestReferences.Get("OAuthDuendeIdentityModel");

    /// <summary>The older IdentityModel package (same API, IdentityModel.Client namespace).</summary>
    public static ReferenceAssemblies IdentityModel { get; } = TestReferences.Get("OAuthIdentityModel");

    /// <summary>MSAL.NET (Microsoft.Identity.Client).</summary>
    public static ReferenceAssemblies Msal { get; } = TestReferences.Get("OAuthMsal");
}
