using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>OAuth 2.0 / PKCE check descriptors (SRA2xxx).</summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor PkceDisabled = Rule(
        DiagnosticIds.PkceDisabled,
        "Require PKCE for the authorization code flow",
        "{0} '{1}': {2} turns PKCE off for the authorization code flow; {3}",
        DiagnosticCategories.OAuthPkce,
        "A control with 'check: oauth-pkce' requires every authorization code flow to use PKCE. Reported where client or server configuration switches it off: ASP.NET Core OpenIdConnectOptions/OAuthOptions.UsePkce = false, IdentityServer Client.RequirePkce = false, an OpenIddict server that allows the code flow without RequireProofKeyForCodeExchange(), and an MSAL authorization request URL built without WithPkce.");

    public static readonly DiagnosticDescriptor NonCodeResponseType = Rule(
        DiagnosticIds.NonCodeResponseType,
        "Use the authorization code flow",
        "{0} '{1}': ResponseType \"{2}\" is the {3} flow, for which the handler sends no PKCE code challenge; set ResponseType = \"code\"",
        DiagnosticCategories.OAuthPkce,
        "The ASP.NET Core OpenID Connect handler sends a PKCE code challenge only when ResponseType is exactly \"code\". The implicit flow returns tokens in the browser, and the hybrid flow returns an authorization code that PKCE does not protect.");

    public static readonly DiagnosticDescriptor PlainCodeChallenge = Rule(
        DiagnosticIds.PlainCodeChallenge,
        "Use the S256 code challenge method",
        "{0} '{1}': {2} allows the plain code challenge method, which sends the verifier itself; {3}",
        DiagnosticCategories.OAuthPkce,
        "A control with 'check: oauth-pkce' requires the S256 code challenge method. With the plain method the challenge equals the verifier, so anyone who sees the authorization request can redeem the code.");

    public static readonly DiagnosticDescriptor TokenLifetimeTooLong = Rule(
        DiagnosticIds.TokenLifetimeTooLong,
        "Keep token lifetimes within the requirement",
        "{0} '{1}': {2} gives {3} {4}, over the limit of {5}; {6}",
        DiagnosticCategories.OAuthPkce,
        "An oauth-pkce control limits the token lifetimes its parameters set (access_token_lifetime, identity_token_lifetime, refresh_token_lifetime, authorization_code_lifetime) or its requirement text states; a control whose check is inferred from a text that names no lifetime limits none. Reported where a constant lifetime over a limit is configured, reaches a token through a local, field or parameter, or is left at a framework default over the limit, and where refresh tokens slide with no absolute limit.");

    public static readonly DiagnosticDescriptor AuthorizationRequestWithoutPkce = Rule(
        DiagnosticIds.AuthorizationRequestWithoutPkce,
        "Send a PKCE code challenge and code verifier",
        "{0} '{1}': {2} has no {3}; {4}",
        DiagnosticCategories.OAuthPkce,
        "An authorization request for the code flow must carry code_challenge and code_challenge_method=S256, and the token request that redeems the code must carry the matching code_verifier. Reported for hand-built authorize URLs and token request forms, and for the IdentityModel helpers called without them.");

    public static readonly DiagnosticDescriptor UnverifiablePkceSetting = Rule(
        DiagnosticIds.UnverifiablePkceSetting,
        "Pin PKCE settings in code",
        "{0} '{1}': {2}, so the build cannot verify PKCE there; {3}",
        DiagnosticCategories.OAuthPkce,
        "A PKCE setting whose value is known only at run time (read from configuration, bound from a configuration section, computed) can turn PKCE off without a code change, so the build cannot vouch for the control at that place. Reported at the control's severity, so a build at severity error fails until the setting is pinned in code or the place is waived with a justification.");
}
