using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.CodeFixes.Pkce;
using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.TokenLifetimeAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Pkce.TokenLifetimeCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

public class TokenLifetimeCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            requirement: Implement OAuth 2.0 with PKCE
            check: oauth-pkce
            parameters:
              access_token_lifetime: 15m
              refresh_token_lifetime: 7d
        """;

    [Fact]
    public async Task ClientDefaults_FixAddsLifetimesAtTheLimit()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Mobile() => {|SRA2004:{|SRA2004:new Client|}|}
                {
                    ClientId = "mobile",
                    AllowOfflineAccess = true,
                };
            }
            """;
        const string fixedSource = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Mobile() => new Client
                {
                    ClientId = "mobile",
                    AllowOfflineAccess = true,
                    AbsoluteRefreshTokenLifetime = 604800,
                    AccessTokenLifetime = 900,
                };
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.FixedState.Sources.Add(IdentityServerStandIns.Duende);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task ClientLifetimes_ClampedToTheLimitInSeconds()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Spa() => new Client
                {
                    [|AccessTokenLifetime = 60 * 60|], // one hour
                    [|AbsoluteRefreshTokenLifetime = 0|],
                    IdentityTokenLifetime = 300,
                };
            }
            """;
        const string fixedSource = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Spa() => new Client
                {
                    AccessTokenLifetime = 900, // one hour
                    AbsoluteRefreshTokenLifetime = 604800,
                    IdentityTokenLifetime = 300,
                };
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.FixedState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();
    }

    [Fact]
    public async Task JwtExpiries_ClampedInTheLargestExactUnit()
    {
        const string source = """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static void Issue(SigningCredentials credentials)
                {
                    var now = DateTime.UtcNow;
                    var descriptor = new SecurityTokenDescriptor
                    {
                        Expires = [|DateTime.UtcNow.AddHours( /* policy */ 2)|],
                        SigningCredentials = credentials,
                    };
                    descriptor.Expires = [|now + TimeSpan.FromDays(1)|];
                    var token = new JwtSecurityToken(expires: [|now.AddMinutes(60)|], signingCredentials: credentials);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static void Issue(SigningCredentials credentials)
                {
                    var now = DateTime.UtcNow;
                    var descriptor = new SecurityTokenDescriptor
                    {
                        Expires = DateTime.UtcNow.AddMinutes( /* policy */ 15),
                        SigningCredentials = credentials,
                    };
                    descriptor.Expires = now + TimeSpan.FromMinutes(15);
                    var token = new JwtSecurityToken(expires: now.AddMinutes(15), signingCredentials: credentials);
                }
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictRefreshLifetime_ClampedToDays()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder) =>
                    builder.AddServer(options => options.SetRefreshTokenLifetime([|TimeSpan.FromDays(14)|]));
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder) =>
                    builder.AddServer(options => options.SetRefreshTokenLifetime(TimeSpan.FromDays(7)));
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        await test.RunAsync();
    }

    [Fact]
    public async Task DescriptorWithoutExpires_FixAddsExpiresAtTheLimit()
    {
        const string source = """
            using System;
            using System.Security.Claims;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static SecurityTokenDescriptor A(SigningCredentials credentials, ClaimsIdentity subject) => [|new SecurityTokenDescriptor|]
                {
                    Subject = subject,
                    SigningCredentials = credentials,
                };

                static SecurityTokenDescriptor B(SigningCredentials credentials) => [|new SecurityTokenDescriptor()|] { SigningCredentials = credentials };

                static SecurityTokenDescriptor C() => [|new SecurityTokenDescriptor()|];
            }
            """;
        const string fixedSource = """
            using System;
            using System.Security.Claims;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static SecurityTokenDescriptor A(SigningCredentials credentials, ClaimsIdentity subject) => new SecurityTokenDescriptor
                {
                    Subject = subject,
                    SigningCredentials = credentials,
                    Expires = DateTime.UtcNow.AddMinutes(15),
                };

                static SecurityTokenDescriptor B(SigningCredentials credentials) => new SecurityTokenDescriptor() { SigningCredentials = credentials, Expires = DateTime.UtcNow.AddMinutes(15) };

                static SecurityTokenDescriptor C() => new SecurityTokenDescriptor() { Expires = DateTime.UtcNow.AddMinutes(15) };
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        await test.RunAsync();
    }
}
