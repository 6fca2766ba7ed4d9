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

public class TokenLifetimeScopeTests
{
    private const string Requirement = "OAuth 2.0 with PKCE; access tokens expire within 15 minutes";

    private static DiagnosticResult Expect(string requirement, int marker, string what, string kind, string found, string limit, string? instead = null) =>
        Verify.Diagnostic(DiagnosticDescriptors.TokenLifetimeTooLong).WithLocation(marker)
            .WithArguments("SEC-002", requirement, what, kind, found, limit, instead ?? $"set it to {limit} or less");

    private static string Yaml(string requirement, string parameters = "") =>
        "controls:\n  - id: SEC-002\n    name: API Authentication\n    requirement: " + requirement + "\n" + parameters;

    private const string EveryLifetimeSource = """
        using System;
        using Duende.IdentityServer.Models;
        using Microsoft.IdentityModel.Tokens;

        static class Config
        {
            static Client Spa() => new Client
            {
                ClientId = "spa",
                AllowedGrantTypes = GrantTypes.Code,
                RequireClientSecret = false,
                AllowOfflineAccess = true,
                AccessTokenLifetime = 86400,
                AuthorizationCodeLifetime = 3600,
                AbsoluteRefreshTokenLifetime = 0,
                RefreshTokenExpiration = TokenExpiration.Sliding,
            };

            static Client Machine() => new Client
            {
                ClientId = "m2m",
                ClientSecrets = { new Secret("secret") },
                AllowedGrantTypes = GrantTypes.ClientCredentials,
                AccessTokenLifetime = 7200,
            };

            static Client Defaults() => new Client { ClientId = "mvc", AllowedGrantTypes = GrantTypes.Code, AllowOfflineAccess = true };

            static SecurityTokenDescriptor Descriptor() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(30) };

            static SecurityTokenDescriptor NoExpiry() => new SecurityTokenDescriptor();
        }
        """;

    [Theory]
    [InlineData("Implement OAuth 2.0 with PKCE")]
    [InlineData("OAuth 2.0 with PKCE required for all public clients")]
    public async Task SeedControlThatNamesNoLifetime_StaysSilentOnEveryClient(string requirement)
    {
        var test = Verify.Create(EveryLifetimeSource, Yaml(requirement));
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();
    }

    [Fact]
    public async Task SeedControl_StaysSilentOnOpenIddictLifetimesAndSlidingRefresh()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder) => builder.AddServer(options => options
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .SetAccessTokenLifetime(TimeSpan.FromDays(1))
                    .SetRefreshTokenLifetime(null));
            }
            """;

        var test = Verify.Create(source, Yaml("OAuth 2.0 with PKCE required for all public clients"));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        await test.RunAsync();
    }

    [Fact]
    public async Task LimitNamedInTheText_IsTheOnlyOneEnforced()
    {
        var source = EveryLifetimeSource
            .Replace("AccessTokenLifetime = 86400", "{|#0:AccessTokenLifetime = 86400|}", StringComparison.Ordinal)
            .Replace("AccessTokenLifetime = 7200", "{|#1:AccessTokenLifetime = 7200|}", StringComparison.Ordinal)
            .Replace("Defaults() => new Client", "Defaults() => {|#2:new Client|}", StringComparison.Ordinal)
            .Replace("Expires = DateTime.UtcNow.AddDays(30)", "Expires = {|#3:DateTime.UtcNow.AddDays(30)|}", StringComparison.Ordinal)
            .Replace("NoExpiry() => new SecurityTokenDescriptor()", "NoExpiry() => {|#4:new SecurityTokenDescriptor()|}", StringComparison.Ordinal);

        var test = Verify.Create(source, Yaml(Requirement));
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(Requirement, 0, "Client.AccessTokenLifetime = 86400", "access tokens", "a lifetime of 1d", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 1, "Client.AccessTokenLifetime = 7200", "access tokens", "a lifetime of 2h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 2, "Client without AccessTokenLifetime", "access tokens", "IdentityServer's default of 1h", "15m", "set AccessTokenLifetime to 15m or less"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 3, "SecurityTokenDescriptor.Expires", "access tokens", "a lifetime of 30d", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 4, "SecurityTokenDescriptor without Expires", "access tokens", "the token handlers' default lifetime of 1h", "15m"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AuthorizationCodeAndIdentityLifetimes_FromParameters_ReportSRA2004()
    {
        const string requirement = "Implement OAuth 2.0 with PKCE";
        const string source = """
            using System;
            using Duende.IdentityServer.Models;

            static class Config
            {
                static Client Spa() => {|#0:{|#1:new Client|}|} { ClientId = "spa", AccessTokenLifetime = 300 };
                static Client Slow() => new Client { {|#2:AuthorizationCodeLifetime = 600|}, IdentityTokenLifetime = 60, AccessTokenLifetime = 300 };
            }
            """;
        var yaml = Yaml(requirement, "    parameters:\n      authorization_code_lifetime: 1m\n      identity_token_lifetime: 2m\n");

        var test = Verify.Create(source, yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(requirement, 0, "Client without IdentityTokenLifetime", "identity tokens", "IdentityServer's default of 5m", "2m", "set IdentityTokenLifetime to 2m or less"));
        test.ExpectedDiagnostics.Add(Expect(requirement, 1, "Client without AuthorizationCodeLifetime", "authorization codes", "IdentityServer's default of 5m", "1m", "set AuthorizationCodeLifetime to 1m or less"));
        test.ExpectedDiagnostics.Add(Expect(requirement, 2, "Client.AuthorizationCodeLifetime = 600", "authorization codes", "a lifetime of 10m", "1m"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExplicitCheck_LimitsAuthorizationCodesToTenMinutes()
    {
        const string requirement = "Implement OAuth 2.0 with PKCE";
        const string source = """
            using System;
            using Duende.IdentityServer.Models;
            using Microsoft.Extensions.DependencyInjection;

            static class Config
            {
                static Client Spa() => new Client { AccessTokenLifetime = 300, {|#0:AuthorizationCodeLifetime = 3600|} };
                static Client Ok() => new Client { AccessTokenLifetime = 300, AuthorizationCodeLifetime = 600 };

                static void Server(OpenIddictBuilder builder) => builder.AddServer(options => options
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .SetAuthorizationCodeLifetime({|#1:TimeSpan.FromMinutes(30)|})
                    .SetIdentityTokenLifetime({|#2:null|}));
            }
            """;

        var test = Verify.Create(source, Yaml(requirement, "    check: oauth-pkce\n"));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(requirement, 0, "Client.AuthorizationCodeLifetime = 3600", "authorization codes", "a lifetime of 1h", "10m"));
        test.ExpectedDiagnostics.Add(Expect(requirement, 1, "SetAuthorizationCodeLifetime", "authorization codes", "a lifetime of 30m", "10m"));
        test.ExpectedDiagnostics.Add(Expect(requirement, 2, "SetIdentityTokenLifetime(null)", "identity tokens", "no expiry", "15m", "pass TimeSpan.FromX(...) of 15m or less instead of null"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictSlidingRefreshWithoutAbsoluteLimit_ReportsSRA2004()
    {
        const string requirement = "OAuth 2.0 with PKCE; refresh tokens expire after 7 days";
        const string source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Sliding(OpenIddictBuilder builder) => builder.AddServer(options => options
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .{|#0:AllowRefreshTokenFlow()|}
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(7)));

                static void Fixed(OpenIddictBuilder builder) => builder.AddServer(options =>
                {
                    options.AllowRefreshTokenFlow();
                    options.DisableSlidingRefreshTokenExpiration();
                    options.SetRefreshTokenLifetime({|#1:null|});
                });
            }
            """;

        var test = Verify.Create(source, Yaml(requirement));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.ExpectedDiagnostics.Add(Expect(requirement, 0, "AllowRefreshTokenFlow() without DisableSlidingRefreshTokenExpiration()", "refresh tokens", "sliding expiration with no absolute limit", "7d",
            "call DisableSlidingRefreshTokenExpiration() so refresh tokens expire at a fixed time, and SetRefreshTokenLifetime to 7d or less"));
        test.ExpectedDiagnostics.Add(Expect(requirement, 1, "SetRefreshTokenLifetime(null)", "refresh tokens", "no expiry", "7d", "pass TimeSpan.FromX(...) of 7d or less instead of null"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LifetimesThroughLocalsFieldsAndProperties_AreReportedWhereTheConstantIsWritten()
    {
        const string source = """
            using System;
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            class Tokens
            {
                static readonly TimeSpan Lifetime = {|#0:TimeSpan.FromHours(8)|};
                static TimeSpan Remember { get; } = {|#1:TimeSpan.FromDays(30)|};
                static readonly int Minutes = {|#2:120|};

                static JwtSecurityToken Issue()
                {
                    var expires = {|#3:DateTime.UtcNow.AddDays(7)|};
                    return new JwtSecurityToken("issuer", "audience", expires: expires);
                }

                static SecurityTokenDescriptor A() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(Lifetime) };
                static SecurityTokenDescriptor B() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow + Lifetime };
                static SecurityTokenDescriptor C() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(Remember) };
                static SecurityTokenDescriptor D() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(Minutes) };
            }
            """;

        var test = Verify.Create(source, Yaml(Requirement));
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.ExpectedDiagnostics.Add(Expect(Requirement, 0, "'Lifetime'", "access tokens", "a lifetime of 8h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 1, "'Remember'", "access tokens", "a lifetime of 30d", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 2, "'Minutes'", "access tokens", "a lifetime of 2h", "15m"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 3, "'expires'", "access tokens", "a lifetime of 7d", "15m"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LifetimesThroughParameters_AreReportedAtEachConstantArgument()
    {
        const string source = """
            using System;
            using Duende.IdentityServer.Models;
            using Microsoft.IdentityModel.Tokens;

            class TokenService
            {
                private readonly TimeSpan _lifetime;

                public TokenService(TimeSpan lifetime) => _lifetime = lifetime;

                public SecurityTokenDescriptor Describe() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(_lifetime) };
            }

            class Primary(TimeSpan lifetime)
            {
                public SecurityTokenDescriptor Describe() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(lifetime) };
            }

            static class Factory
            {
                public static Client Spa(string id, int accessTokenLifetime) => new Client { ClientId = id, AccessTokenLifetime = accessTokenLifetime };

                public static SecurityTokenDescriptor Issue(int minutes) => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddMinutes(minutes) };
            }

            static class Composition
            {
                static void Wire(TimeSpan configured, int seconds)
                {
                    _ = new TokenService({|#0:TimeSpan.FromDays(30)|});
                    _ = new TokenService(TimeSpan.FromMinutes(10));
                    _ = new TokenService(configured);
                    _ = new Primary({|#1:TimeSpan.FromHours(1)|});
                    _ = Factory.Spa("spa", {|#2:7200|});
                    _ = Factory.Spa("ok", 600);
                    _ = Factory.Spa("configured", seconds);
                    _ = Factory.Issue({|#3:60|});
                    _ = Factory.Issue(5);
                }
            }
            """;

        var test = Verify.Create(source, Yaml(Requirement));
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Expect(Requirement, 0, "the argument for 'lifetime'", "access tokens", "a lifetime of 30d", "15m", "pass 15m or less"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 1, "the argument for 'lifetime'", "access tokens", "a lifetime of 1h", "15m", "pass 15m or less"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 2, "the argument for 'accessTokenLifetime'", "access tokens", "a lifetime of 2h", "15m", "pass 15m or less"));
        test.ExpectedDiagnostics.Add(Expect(Requirement, 3, "the argument for 'minutes'", "access tokens", "a lifetime of 1h", "15m", "pass 15m or less"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ValuesThatCannotBeFollowed_StaySilent()
    {
        const string source = """
            using System;
            using Microsoft.IdentityModel.Tokens;

            class Tokens
            {
                static TimeSpan mutable = TimeSpan.FromDays(30);
                static TimeSpan Computed => TimeSpan.FromMinutes(DateTime.UtcNow.Minute);

                static SecurityTokenDescriptor A(bool remember)
                {
                    var expires = DateTime.UtcNow.AddMinutes(10);
                    if (remember)
                    {
                        expires = DateTime.UtcNow.AddDays(30);
                    }

                    return new SecurityTokenDescriptor { Expires = expires };
                }

                static SecurityTokenDescriptor B() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(mutable) };
                static SecurityTokenDescriptor C() => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(Computed) };
                static SecurityTokenDescriptor D(TimeSpan lifetime) => new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(lifetime) };
                static void Calls() => Console.WriteLine(TimeSpan.FromDays(30));
            }
            """;

        var test = Verify.Create(source, Yaml(Requirement));
        test.ReferenceAssemblies = OAuthReferences.Jwt;
        await test.RunAsync();
    }
}
