using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// The OAuth/PKCE fixes applied with Fix All, compiled against ASP.NET Core and the OAuth packages, and run: the options
/// the fixed code configures require PKCE with S256, lifetimes stay at the limit, and the authorize request carries the
/// S256 challenge of the very verifier the token request sends.
/// </summary>
public class PkceFixRuntimeTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
            check: oauth-pkce
            parameters:
              access_token_lifetime: 15m
              refresh_token_lifetime: 7d
        """;

    [Fact]
    public async Task Sra2001Sra2002Sra2003_FixedOptionsRequirePkceWithTheCodeFlow()
    {
        var references = await RuntimeReferences.AspNetCore.WithPackagesAsync(OAuthReferences.AspNetCore);
        var fixedProject = await FixedProject.ApplyAsync(references, Yaml, [.. Fixers.For("SRA2001"), .. Fixers.For("SRA2002"), .. Fixers.For("SRA2003")],
            ("Startup.cs", """
                using Microsoft.AspNetCore.Authentication;
                using Microsoft.AspNetCore.Authentication.OAuth;
                using Microsoft.AspNetCore.Authentication.OpenIdConnect;
                using Microsoft.Extensions.DependencyInjection;

                namespace App;

                public static class Startup
                {
                    public static void AddSignIn(AuthenticationBuilder builder)
                    {
                        builder.AddOAuth("github", o =>
                        {
                            o.ClientId = "id";
                        });
                        builder.AddOAuth("other", options => options.ClientId = "other");
                    }

                    public static void Configure(OAuthOptions options)
                    {
                        options.UsePkce = false;
                    }

                    public static void ConfigureOidc(OpenIdConnectOptions options)
                    {
                        options.ResponseType = "id_token token";
                    }
                }
                """),
            ("Clients.cs", """
                using Duende.IdentityServer.Models;

                namespace App;

                public static class Clients
                {
                    public static Client Web() => new Client
                    {
                        ClientId = "web",
                        AllowedGrantTypes = GrantTypes.Code,
                        RequirePkce = false,
                        AllowPlainTextPkce = true,
                    };
                }
                """),
            ("IdentityServer.cs", IdentityServerStandIns.Duende));

        Assert.Empty(fixedProject.RemainingIds.Intersect(["SRA2001", "SRA2002", "SRA2003"]));
        var result = await fixedProject.RunAsync(references, """
            using App;
            using Microsoft.AspNetCore.Authentication.OAuth;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;

            public static class Harness
            {
                public static string Run()
                {
                    var services = new ServiceCollection();
                    Startup.AddSignIn(services.AddAuthentication());
                    using var provider = services.BuildServiceProvider();
                    // The configuration the app registered for each scheme, without the handler's validation of endpoints and secrets.
                    OAuthOptions Scheme(string name)
                    {
                        var configured = new OAuthOptions();
                        foreach (var configure in provider.GetServices<IConfigureOptions<OAuthOptions>>().OfType<IConfigureNamedOptions<OAuthOptions>>())
                        {
                            configure.Configure(name, configured);
                        }

                        return configured;
                    }

                    var options = new OAuthOptions();
                    Startup.Configure(options);
                    var oidc = new OpenIdConnectOptions();
                    Startup.ConfigureOidc(oidc);
                    var client = Clients.Web();
                    return $"github {Scheme("github").UsePkce}, other {Scheme("other").UsePkce}, options {options.UsePkce}, oidc {oidc.ResponseType}/{oidc.UsePkce}, client {client.RequirePkce}/{client.AllowPlainTextPkce}";
                }
            }
            """);

        Assert.Equal("github True, other True, options True, oidc code/True, client True/False", result);
    }

    [Fact]
    public async Task Sra2004_LifetimesAreClampedToTheLimit()
    {
        var references = await RuntimeReferences.AspNetCore.WithPackagesAsync(OAuthReferences.Jwt);
        var fixedProject = await FixedProject.ApplyAsync(references, Yaml, Fixers.For("SRA2004"),
            ("Tokens.cs", """
                using System;
                using Microsoft.IdentityModel.Tokens;

                namespace App;

                public static class Tokens
                {
                    public static SecurityTokenDescriptor Short() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddHours(2) };

                    public static SecurityTokenDescriptor Unbounded() => new SecurityTokenDescriptor();
                }
                """),
            ("Clients.cs", """
                using Duende.IdentityServer.Models;

                namespace App;

                public static class Clients
                {
                    public static Client Web() => new Client
                    {
                        ClientId = "web",
                        AllowedGrantTypes = GrantTypes.Code,
                        AccessTokenLifetime = 7200,
                        AbsoluteRefreshTokenLifetime = 2592000,
                    };
                }
                """),
            ("IdentityServer.cs", IdentityServerStandIns.Duende));

        Assert.DoesNotContain("SRA2004", fixedProject.RemainingIds);
        var result = await fixedProject.RunAsync(references, """
            using App;

            public static class Harness
            {
                public static string Run()
                {
                    var before = DateTime.UtcNow;
                    var shortLived = Tokens.Short().Expires!.Value - before;
                    var unbounded = Tokens.Unbounded().Expires!.Value - before;
                    var client = Clients.Web();
                    bool AtTheLimit(TimeSpan lifetime) => lifetime > TimeSpan.FromMinutes(14) && lifetime < TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5);
                    return $"jwt within 15m {AtTheLimit(shortLived) && AtTheLimit(unbounded)}, client access {client.AccessTokenLifetime}s, refresh {client.AbsoluteRefreshTokenLifetime}s";
                }
            }
            """);

        Assert.Equal("jwt within 15m True, client access 900s, refresh 604800s", result);
    }

    [Fact]
    public async Task Sra2005_TheAuthorizeRequestCarriesTheS256ChallengeOfTheVerifierTheTokenRequestSends()
    {
        var references = await RuntimeReferences.AspNetCore.WithPackagesAsync(OAuthReferences.DuendeIdentityModel);
        var fixedProject = await FixedProject.ApplyAsync(references, Yaml, Fixers.For("SRA2005"),
            ("SignIn.cs", """
                using Duende.IdentityModel.Client;

                namespace App;

                public sealed class SignIn(string codeVerifier)
                {
                    public string Start(RequestUrl authorize) =>
                        authorize.CreateAuthorizeUrl(clientId: "web", responseType: "code", scope: "openid", redirectUri: "https://app.example/callback");
                }
                """),
            ("Callback.cs", """
                using Duende.IdentityModel.Client;

                namespace App;

                public static class Callback
                {
                    public static AuthorizationCodeTokenRequest Redeem(string code, string codeVerifier) =>
                        new AuthorizationCodeTokenRequest { Address = "https://id.example/token", ClientId = "web", Code = code, RedirectUri = "https://app.example/callback" };
                }
                """));

        Assert.Empty(fixedProject.RemainingIds);
        var result = await fixedProject.RunAsync(references, """
            using System.Security.Cryptography;
            using System.Text;
            using App;
            using Duende.IdentityModel.Client;

            public static class Harness
            {
                public static string Run()
                {
                    var verifier = PkceCodes.CreateVerifier();
                    var url = new Uri(new SignIn(verifier).Start(new RequestUrl("https://id.example/authorize")));
                    var query = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
                    var redeemed = Callback.Redeem("the-code", verifier);

                    // What the identity provider checks (RFC 7636, section 4.6).
                    var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(redeemed.CodeVerifier!))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                    return $"method {query["code_challenge_method"]}, challenge matches the sent verifier {query["code_challenge"] == expected}";
                }
            }
            """);

        Assert.Equal("method S256, challenge matches the sent verifier True", result);
    }

    [Fact]
    public async Task Sra2001_OpenIddictServerRequiresProofKeyForCodeExchange()
    {
        var references = await RuntimeReferences.AspNetCore.WithPackagesAsync(OAuthReferences.OpenIddict);
        var fixedProject = await FixedProject.ApplyAsync(references, Yaml, Fixers.For("SRA2001"),
            ("Startup.cs", """
                using Microsoft.Extensions.DependencyInjection;

                namespace App;

                public static class Startup
                {
                    public static void AddServer(IServiceCollection services)
                    {
                        services.AddOpenIddict().AddServer(options =>
                        {
                            options.AllowAuthorizationCodeFlow(); // interactive clients
                        });
                    }
                }
                """),
            ("Other.cs", "namespace App; public static class Other { }"));

        Assert.DoesNotContain("SRA2001", fixedProject.RemainingIds);
        var result = await fixedProject.RunAsync(references, """
            using App;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            using OpenIddict.Server;

            public static class Harness
            {
                public static string Run()
                {
                    var services = new ServiceCollection();
                    Startup.AddServer(services);
                    using var provider = services.BuildServiceProvider();
                    var options = new OpenIddictServerOptions();
                    foreach (var configure in provider.GetServices<IConfigureOptions<OpenIddictServerOptions>>())
                    {
                        configure.Configure(options);
                    }

                    return $"code flow {options.GrantTypes.Contains("authorization_code")}, PKCE required {options.RequireProofKeyForCodeExchange}";
                }
            }
            """);

        Assert.Equal("code flow True, PKCE required True", result);
    }
}
