using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.TokenLifetimeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class TokenLifetimeAnalyzerTests
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

    private static DiagnosticResult Expect(int marker, string what, string kind, string found, string limit, string? instead = null) =>
        Verify.Diagnostic(DiagnosticDescriptors.TokenLifetimeTooLong).WithLocation(marker)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", what, Kind(kind), found, limit, instead ?? $"set it to {limit} or less");

    private static string Kind(string kind) => kind == "authorization" ? "authorization codes" : kind + " tokens";

    [Fact]
    public async Task ClientLifetimesOverTheLimits_ReportSRA2004()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                const int OneHour = 3600;

                static Client Spa() => new Client
                {
                    ClientId = "spa",
                    {|#0:AccessTokenLifetime = OneHour|},
                    {|#1:IdentityTokenLifetime = 1800|},
                    {|#2:AbsoluteRefreshTokenLifetime = 30 * 24 * 3600|},
                    {|#3:SlidingRefreshTokenLifetime = 1296000|},
                };

                static void Sliding(Client client)
                {
                    client.RefreshTokenExpiration = TokenExpiration.Sliding;
                    {|#4:client.AbsoluteRefreshTokenLifetime = 0|};
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(0, "Client.AccessTokenLifetime = 3600", "access", "a lifetime of 1h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(1, "Client.IdentityTokenLifetime = 1800", "identity", "a lifetime of 30m", "15m"));
        test.ExpectedDiagnostics.Add(Expect(2, "Client.AbsoluteRefreshTokenLifetime = 2592000", "refresh", "a lifetime of 30d", "7d"));
        test.ExpectedDiagnostics.Add(Expect(3, "Client.SlidingRefreshTokenLifetime = 1296000", "refresh", "a lifetime of 15d", "7d"));
        test.ExpectedDiagnostics.Add(Expect(4, "Client.AbsoluteRefreshTokenLifetime = 0", "refresh", "no absolute expiry", "7d"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ClientLifetimesWithinLimitsOrComputed_StaySilent()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Spa(int configured) => new Client
                {
                    AccessTokenLifetime = 900,
                    IdentityTokenLifetime = 300,
                    AbsoluteRefreshTokenLifetime = 7 * 24 * 3600,
                    SlidingRefreshTokenLifetime = 86400,
                    AuthorizationCodeLifetime = 600,
                    // AccessTokenLifetime = 86400,
                };

                static void Configured(Client client, int seconds) => client.AccessTokenLifetime = seconds;
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();
    }

    [Fact]
    public async Task ClientLeavingIdentityServerDefaults_ReportsSRA2004()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Mobile() => {|#0:{|#1:{|#2:new Client|}|}|}
                {
                    ClientId = "mobile",
                    AllowOfflineAccess = true,
                    RefreshTokenExpiration = TokenExpiration.Sliding,
                };

                static Client Service() => new Client { ClientId = "svc", AccessTokenLifetime = 600 };
                static Client Later() => new Client();
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(0, "Client without AccessTokenLifetime", "access", "IdentityServer's default of 1h", "15m", "set AccessTokenLifetime to 15m or less"));
        test.ExpectedDiagnostics.Add(Expect(1, "Client without AbsoluteRefreshTokenLifetime", "refresh", "IdentityServer's default of 30d", "7d", "set AbsoluteRefreshTokenLifetime to 7d or less"));
        test.ExpectedDiagnostics.Add(Expect(2, "Client without SlidingRefreshTokenLifetime", "refresh", "IdentityServer's default of 15d", "7d", "set SlidingRefreshTokenLifetime to 7d or less"));
        await test.RunAsync();
    }

    [Fact]
    public async Task JwtExpiriesOverTheAccessLimit_ReportSRA2004()
    {
        const string source = """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using System.Security.Claims;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static string Issue(SigningCredentials credentials, ClaimsIdentity subject)
                {
                    var now = DateTime.UtcNow;
                    var descriptor = new SecurityTokenDescriptor
                    {
                        Subject = subject,
                        Expires = {|#0:DateTime.UtcNow.AddHours(1)|},
                        SigningCredentials = credentials,
                    };
                    descriptor.Expires = {|#1:now + TimeSpan.FromMinutes(30)|};
                    descriptor.Expires = {|#2:DateTimeOffset.UtcNow.AddDays(1).UtcDateTime|};
                    var token = new JwtSecurityToken("issuer", "audience", subject.Claims, now, {|#3:now.Add(TimeSpan.FromHours(2))|}, credentials);
                    var other = new JwtSecurityTokenHandler().CreateJwtSecurityToken(issuer: "issuer", expires: {|#4:now.AddMinutes(20.5)|});
                    return new JwtSecurityTokenHandler().WriteToken(token);
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.ExpectedDiagnostics.Add(Expect(0, "SecurityTokenDescriptor.Expires", "access", "a lifetime of 1h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(1, "SecurityTokenDescriptor.Expires", "access", "a lifetime of 30m", "15m"));
        test.ExpectedDiagnostics.Add(Expect(2, "SecurityTokenDescriptor.Expires", "access", "a lifetime of 1d", "15m"));
        test.ExpectedDiagnostics.Add(Expect(3, "new JwtSecurityToken(expires: ...)", "access", "a lifetime of 2h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(4, "JwtSecurityTokenHandler.CreateJwtSecurityToken(expires: ...)", "access", "a lifetime of 1230s", "15m"));
        await test.RunAsync();
    }

    [Fact]
    public async Task JwtExpiriesWithinTheLimitOrComputed_StaySilent()
    {
        const string source = """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static void Issue(SigningCredentials credentials, TimeSpan configured, DateTime notBefore)
                {
                    var descriptor = new SecurityTokenDescriptor
                    {
                        Expires = DateTime.UtcNow.AddMinutes(15),
                        NotBefore = DateTime.UtcNow.AddDays(-1),
                        SigningCredentials = credentials,
                    };
                    descriptor.Expires = DateTime.UtcNow + configured;
                    descriptor.Expires = DateTime.UtcNow.AddMinutes(-5);
                    descriptor.IssuedAt = DateTime.UtcNow.AddHours(2);
                    var token = new JwtSecurityToken("issuer", "audience", null, notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.Add(TimeSpan.FromSeconds(900)));
                    // descriptor.Expires = DateTime.UtcNow.AddDays(30);
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictLifetimesOverTheLimits_ReportSRA2004()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder)
                {
                    builder.AddServer(options => options
                        .AllowAuthorizationCodeFlow()
                        .RequireProofKeyForCodeExchange()
                        .SetAccessTokenLifetime({|#0:TimeSpan.FromHours(1)|})
                        .SetIdentityTokenLifetime(TimeSpan.FromMinutes(10))
                        .SetRefreshTokenLifetime({|#1:TimeSpan.FromDays(14)|}));
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.ExpectedDiagnostics.Add(Expect(0, "SetAccessTokenLifetime", "access", "a lifetime of 1h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(1, "SetRefreshTokenLifetime", "refresh", "a lifetime of 14d", "7d"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LimitsComeFromTheControlParameters()
    {
        const string yaml = """
            controls:
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
                check: oauth-pkce
                parameters:
                  access_token_lifetime: PT1H
            """;
        const string source = """
            using Duende.IdentityServer.Models;
            static class Clients
            {
                static Client A() => new Client { AccessTokenLifetime = 3600 };
                static Client B() => new Client { {|#0:AccessTokenLifetime = 3601|} };
            }
            """;

        var test = Verify.Create(source, yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.TokenLifetimeTooLong).WithLocation(0)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", "Client.AccessTokenLifetime = 3601", "access tokens", "a lifetime of 3601s", "1h", "set it to 1h or less"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DescriptorWithoutExpires_ReportsHandlerDefaultOverTheLimit()
    {
        const string source = """
            using System;
            using Microsoft.IdentityModel.Tokens;

            static class Tokens
            {
                static SecurityTokenDescriptor A(SigningCredentials credentials) => {|#0:new SecurityTokenDescriptor|} { SigningCredentials = credentials };

                static SecurityTokenDescriptor B()
                {
                    var descriptor = new SecurityTokenDescriptor();
                    descriptor.Expires = DateTime.UtcNow.AddMinutes(10);
                    return descriptor;
                }

                static SecurityTokenDescriptor C(DateTime expires) => new SecurityTokenDescriptor { Expires = expires };
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.ExpectedDiagnostics.Add(Expect(0, "SecurityTokenDescriptor without Expires", "access", "the token handlers' default lifetime of 1h", "15m"));
        await test.RunAsync();

        var relaxed = Verify.Create(source.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal), Yaml.Replace("15m", "1h", StringComparison.Ordinal));
        relaxed.ReferenceAssemblies = OAuthReferences.Jwt;
        await relaxed.RunAsync();
    }
}
