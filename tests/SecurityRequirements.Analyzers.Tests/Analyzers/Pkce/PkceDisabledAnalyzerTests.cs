using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PkceDisabledAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class PkceDisabledAnalyzerTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
        """;

    private static DiagnosticResult Expect(int marker, string found, string instead) =>
        Verify.Diagnostic(DiagnosticDescriptors.PkceDisabled).WithLocation(marker)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", found, instead);

    private const string OptionsInstead = "set UsePkce = true so the handler sends an S256 code challenge and redeems the code with its verifier";

    private static async Task VerifyAspNetAsync(string source, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task UsePkceFalse_InLambdasInitialisersAndAssignments_ReportsSRA2001()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OAuth;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o => { {|#0:o.UsePkce = false|}; o.ResponseType = "code"; })
                        .AddOAuth("github", o => {|#1:o.UsePkce = false|})
                        .AddGoogle(o => {|#2:o.UsePkce = false|});
                    services.Configure<OpenIdConnectOptions>("oidc", o => {|#3:o.UsePkce = false|});
                }

                static OpenIdConnectOptions Create() => new() { Authority = "https://id.example", {|#4:UsePkce = false|} };
            }
            """;

        await VerifyAspNetAsync(source, Yaml,
            Expect(0, "OpenIdConnectOptions.UsePkce = false", OptionsInstead),
            Expect(1, "OAuthOptions.UsePkce = false", OptionsInstead),
            Expect(2, "OAuthOptions.UsePkce = false", OptionsInstead),
            Expect(3, "OpenIdConnectOptions.UsePkce = false", OptionsInstead),
            Expect(4, "OpenIdConnectOptions.UsePkce = false", OptionsInstead));
    }

    [Fact]
    public async Task UsePkceTrueOrComputed_StaysSilent()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services, bool pkce)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o =>
                        {
                            o.UsePkce = true;
                            o.ResponseType = "code";
                            // o.UsePkce = false;
                            o.SaveTokens = false;
                        })
                        .AddGoogle(o => o.UsePkce = pkce);
                }
            }
            """;

        await VerifyAspNetAsync(source, Yaml);
    }

    private const string ClientInstead = "set RequirePkce = true so the server rejects authorization requests without a code challenge";

    [Theory]
    [InlineData("Duende")]
    [InlineData("IdentityServer4")]
    public async Task ClientRequirePkceFalse_ReportsSRA2001(string product)
    {
        var source = $$"""
            using {{product}}.IdentityServer.Models;

            static class Clients
            {
                static Client Spa() => new Client
                {
                    ClientId = "spa",
                    AllowedGrantTypes = GrantTypes.Code,
                    {|#0:RequirePkce = false|},
                };

                static void Relax(Client client) => {|#1:client.RequirePkce = false|};
            }
            """.Replace("IdentityServer4.IdentityServer", "IdentityServer4", StringComparison.Ordinal);

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(product == "Duende" ? IdentityServerStandIns.Duende : IdentityServerStandIns.IdentityServer4);
        test.ExpectedDiagnostics.Add(Expect(0, "Client.RequirePkce = false", ClientInstead));
        test.ExpectedDiagnostics.Add(Expect(1, "Client.RequirePkce = false", ClientInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task ClientRequirePkceTrueOrOtherTypes_StaysSilent()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            class MyClient { public bool RequirePkce { get; set; } public bool UsePkce { get; set; } }

            static class Clients
            {
                static Client Spa() => new Client { ClientId = "spa", RequirePkce = true, AllowPlainTextPkce = false };
                static MyClient Mine() => new MyClient { RequirePkce = false, UsePkce = false };
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();
    }

    [Fact]
    public async Task ControlSeverityAndWaiver_Apply()
    {
        const string yaml = """
            controls:
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
                severity: error
            exceptions:
              - control: SEC-002
                namespace: Legacy
                justification: partner IdP without PKCE support
                approved_by: security-team
                expires: 2027-01-01
            """;
        const string source = """
            using Duende.IdentityServer.Models;

            namespace App { static class Clients { static Client A() => new Client { {|#0:RequirePkce = false|} }; } }
            namespace Legacy { static class Clients { static Client A() => new Client { RequirePkce = false }; } }
            """;

        var test = Verify.Create(source, yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.PkceDisabled).WithLocation(0)
            .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", "Client.RequirePkce = false", ClientInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoOAuthControl_StaysSilent()
    {
        const string source = """
            using Duende.IdentityServer.Models;
            static class Clients { static Client A() => new Client { RequirePkce = false }; }
            """;

        var test = Verify.Create(source, "controls:\n  - id: OPS-1\n    requirement: Back up nightly\n");
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();
    }

    private const string OpenIddictInstead = "call .RequireProofKeyForCodeExchange() on the same server builder so the server rejects code requests without an S256 challenge";

    [Fact]
    public async Task OpenIddictCodeFlowWithoutPkce_ReportsSRA2001()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddOpenIddict()
                        .AddServer(options =>
                        {
                            options.SetTokenEndpointUris("connect/token")
                                .{|#0:AllowAuthorizationCodeFlow()|}
                                .AllowRefreshTokenFlow();
                        });
                }

                static void Chained(OpenIddictBuilder builder) => builder.AddServer().{|#1:AllowAuthorizationCodeFlow()|};
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.ExpectedDiagnostics.Add(Expect(0, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()", OpenIddictInstead));
        test.ExpectedDiagnostics.Add(Expect(1, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()", OpenIddictInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictWithPkceOrWithoutCodeFlow_StaysSilent()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder)
                {
                    builder.AddServer(options =>
                    {
                        options.AllowAuthorizationCodeFlow();
                        options.RequireProofKeyForCodeExchange();
                    });
                    builder.AddServer(options => options.AllowClientCredentialsFlow().AllowRefreshTokenFlow());
                    builder.AddServer().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        await test.RunAsync();
    }

    private const string MsalInstead = "call .WithPkce(out var codeVerifier) before ExecuteAsync() and pass the verifier to AcquireTokenByAuthorizationCode(...).WithPkceCodeVerifier(codeVerifier)";

    [Fact]
    public async Task MsalAuthorizationUrlWithoutPkce_ReportsSRA2001()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            static class Login
            {
                static Task<Uri> A(IConfidentialClientApplication app) =>
                    app.{|#0:GetAuthorizationRequestUrl(new[] { "User.Read" })|}.WithRedirectUri("https://app/cb").ExecuteAsync();

                static async Task<(Uri, string)> B(IConfidentialClientApplication app)
                {
                    var uri = await app.GetAuthorizationRequestUrl(new[] { "User.Read" }).WithPkce(out var verifier).ExecuteAsync();
                    return (uri, verifier);
                }

                static GetAuthorizationRequestUrlParameterBuilder C(IConfidentialClientApplication app) => app.GetAuthorizationRequestUrl(new[] { "User.Read" });
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.Msal;
        test.ExpectedDiagnostics.Add(Expect(0, "GetAuthorizationRequestUrl(...).ExecuteAsync() without WithPkce", MsalInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task AddOAuthWithoutUsePkce_ReportsTheFalseDefault()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OAuth;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder, bool pkce, System.Action<OAuthOptions> configure)
                {
                    builder.{|#0:AddOAuth|}("github", o =>
                    {
                        o.ClientId = "id";
                        o.AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
                    });
                    builder.{|#1:AddOAuth|}("other", "Other", o => o.ClientId = "id");
                    builder.AddOAuth("pkce", o => { o.ClientId = "id"; o.UsePkce = true; });
                    builder.AddOAuth("computed", o => o.UsePkce = pkce);
                    builder.AddOAuth("delegate", configure);
                    builder.AddGoogle(o => o.ClientId = "id");
                }
            }
            """;

        const string instead = "set UsePkce = true in the configuration lambda so the handler sends an S256 code challenge";
        await VerifyAspNetAsync(source, Yaml,
            Expect(0, "AddOAuth(...) without UsePkce = true (OAuthOptions.UsePkce defaults to false)", instead),
            Expect(1, "AddOAuth(...) without UsePkce = true (OAuthOptions.UsePkce defaults to false)", instead));
    }

    [Fact]
    public async Task OpenIddictPublicClientWithoutPkceRequirement_ReportsSRA2001()
    {
        const string source = """
            using OpenIddict.Abstractions;
            using static OpenIddict.Abstractions.OpenIddictConstants;

            static class Seed
            {
                static OpenIddictApplicationDescriptor Spa() => {|#0:new OpenIddictApplicationDescriptor
                {
                    ClientId = "spa",
                    ClientType = ClientTypes.Public,
                    Permissions = { Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode },
                }|};

                static OpenIddictApplicationDescriptor WithPkce() => new OpenIddictApplicationDescriptor
                {
                    ClientType = ClientTypes.Public,
                    Permissions = { Permissions.GrantTypes.AuthorizationCode },
                    Requirements = { Requirements.Features.ProofKeyForCodeExchange },
                };

                static OpenIddictApplicationDescriptor Confidential() => new OpenIddictApplicationDescriptor
                {
                    ClientType = ClientTypes.Confidential,
                    Permissions = { Permissions.GrantTypes.ClientCredentials },
                };
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.ExpectedDiagnostics.Add(Expect(0, "a public OpenIddict client with the authorization code grant and no ft:pkce requirement",
            "add Requirements.Features.ProofKeyForCodeExchange to its Requirements (or call RequireProofKeyForCodeExchange() on the server)"));
        await test.RunAsync();
    }
}
