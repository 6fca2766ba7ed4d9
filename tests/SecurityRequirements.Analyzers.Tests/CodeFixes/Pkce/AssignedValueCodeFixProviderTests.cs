using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.CodeFixes.Pkce;
using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

public class AssignedValueCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            requirement: Implement OAuth 2.0 with PKCE
        """;

    [Fact]
    public async Task UsePkceFalse_FixAllSetsTrueAndKeepsComments()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o =>
                        {
                            [|o.UsePkce = /* legacy IdP */ false|]; // see ticket 42
                            o.ResponseType = "code";
                        })
                        .AddGoogle(o => [|o.UsePkce = false|]);
                }

                static OpenIdConnectOptions Create() => new() { [|UsePkce = false|], SaveTokens = true };
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o =>
                        {
                            o.UsePkce = /* legacy IdP */ true; // see ticket 42
                            o.ResponseType = "code";
                        })
                        .AddGoogle(o => o.UsePkce = true);
                }

                static OpenIdConnectOptions Create() => new() { UsePkce = true, SaveTokens = true };
            }
            """;

        var test = Verifiers.CodeFixVerifier<PkceDisabledAnalyzer, AssignedValueCodeFixProvider>.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        await test.RunAsync();
    }

    [Fact]
    public async Task HybridResponseType_FixSetsCode()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.IdentityModel.Protocols.OpenIdConnect;

            static class Startup
            {
                static OpenIdConnectOptions A() => new() { [|ResponseType = OpenIdConnectResponseType.CodeIdToken|] };
                static void B(OpenIdConnectOptions o) { [|o.ResponseType = "id_token token"|]; }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.IdentityModel.Protocols.OpenIdConnect;

            static class Startup
            {
                static OpenIdConnectOptions A() => new() { ResponseType = "code" };
                static void B(OpenIdConnectOptions o) { o.ResponseType = "code"; }
            }
            """;

        var test = Verifiers.CodeFixVerifier<NonCodeResponseTypeAnalyzer, AssignedValueCodeFixProvider>.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        await test.RunAsync();
    }

    [Fact]
    public async Task IdentityServerClient_FixesRequirePkceAndPlainText()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Spa() => new Client
                {
                    ClientId = "spa",
                    [|RequirePkce = false|], // partner asked
                    AllowPlainTextPkce = true,
                };
            }
            """;
        const string fixedSource = """
            using Duende.IdentityServer.Models;

            static class Clients
            {
                static Client Spa() => new Client
                {
                    ClientId = "spa",
                    RequirePkce = true, // partner asked
                    AllowPlainTextPkce = true,
                };
            }
            """;

        var test = Verifiers.CodeFixVerifier<PkceDisabledAnalyzer, AssignedValueCodeFixProvider>.Create(source, fixedSource, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.FixedState.Sources.Add(IdentityServerStandIns.Duende);
        await test.RunAsync();

        var plain = Verifiers.CodeFixVerifier<PlainCodeChallengeAnalyzer, AssignedValueCodeFixProvider>.Create(
            source.Replace("[|RequirePkce = false|]", "RequirePkce = false", StringComparison.Ordinal).Replace("AllowPlainTextPkce = true", "[|AllowPlainTextPkce = true|]", StringComparison.Ordinal),
            source.Replace("[|RequirePkce = false|]", "RequirePkce = false", StringComparison.Ordinal).Replace("AllowPlainTextPkce = true", "AllowPlainTextPkce = false", StringComparison.Ordinal),
            Yaml);
        plain.TestState.Sources.Add(IdentityServerStandIns.Duende);
        plain.FixedState.Sources.Add(IdentityServerStandIns.Duende);
        await plain.RunAsync();
    }
}
