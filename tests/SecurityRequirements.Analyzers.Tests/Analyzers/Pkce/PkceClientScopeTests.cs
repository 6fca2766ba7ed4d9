using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PkceDisabledAnalyzer>;
using VerifyPlain = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PlainCodeChallengeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>SRA2001 and SRA2003 on public, confidential and machine-to-machine clients, and the per-client OpenIddict requirement.</summary>
public class PkceClientScopeTests
{
    private const string PublicClients = "OAuth 2.0 with PKCE required for all public clients";
    private const string AllClients = "Implement OAuth 2.0 with PKCE";
    private const string ClientInstead = "set RequirePkce = true so the server rejects authorization requests without a code challenge";
    private const string DescriptorInstead = "add Requirements.Features.ProofKeyForCodeExchange to its Requirements (or call RequireProofKeyForCodeExchange() on the server)";
    private const string ServerInstead = "call .RequireProofKeyForCodeExchange() on the same server builder so the server rejects code requests without an S256 challenge";

    private static string Yaml(string requirement, string parameters = "") =>
        "controls:\n  - id: SEC-002\n    name: API Authentication\n    requirement: " + requirement + "\n" + parameters;

    private static DiagnosticResult Disabled(string requirement, int marker, string found, string instead) =>
        Verify.Diagnostic(DiagnosticDescriptors.PkceDisabled).WithLocation(marker).WithArguments("SEC-002", requirement, found, instead);

    private const string Clients = """
        using Duende.IdentityServer.Models;

        static class Config
        {
            static Client Spa() => new Client
            {
                ClientId = "spa",
                AllowedGrantTypes = GrantTypes.Code,
                RequireClientSecret = false,
                {|#0:RequirePkce = false|},
            };

            static Client Mvc() => new Client
            {
                ClientId = "mvc",
                ClientSecrets = { new Secret("secret") },
                AllowedGrantTypes = GrantTypes.CodeAndClientCredentials,
                {|#1:RequirePkce = false|},
            };

            static Client Machine() => new Client
            {
                ClientId = "m2m",
                ClientSecrets = { new Secret("secret") },
                AllowedGrantTypes = GrantTypes.ClientCredentials,
                RequirePkce = false,
            };

            static Client Device() => new Client { ClientId = "tv", RequireClientSecret = false, AllowedGrantTypes = { GrantType.ClientCredentials, "urn:ietf:params:oauth:grant-type:device_code" }, RequirePkce = false };

            static void Later(Client client) => {|#2:client.RequirePkce = false|};
        }
        """;

    [Fact]
    public async Task PublicClientsControl_LeavesConfidentialAndMachineClientsOut()
    {
        var source = Clients.Replace("{|#1:RequirePkce = false|}", "RequirePkce = false", StringComparison.Ordinal);
        var test = Verify.Create(source, Yaml(PublicClients));
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Disabled(PublicClients, 0, "Client.RequirePkce = false", ClientInstead));
        test.ExpectedDiagnostics.Add(Disabled(PublicClients, 2, "Client.RequirePkce = false", ClientInstead));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(AllClients, "")]
    [InlineData(PublicClients, "    parameters:\n      clients: all\n")]
    public async Task AllClientsControl_CoversConfidentialClientsButNotMachineClients(string requirement, string parameters)
    {
        var test = Verify.Create(Clients, Yaml(requirement, parameters));
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(Disabled(requirement, 0, "Client.RequirePkce = false", ClientInstead));
        test.ExpectedDiagnostics.Add(Disabled(requirement, 1, "Client.RequirePkce = false", ClientInstead));
        test.ExpectedDiagnostics.Add(Disabled(requirement, 2, "Client.RequirePkce = false", ClientInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task PlainTextPkce_FollowsTheSameScope()
    {
        const string source = """
            using Duende.IdentityServer.Models;

            static class Config
            {
                static Client Spa() => new Client { RequireClientSecret = false, AllowedGrantTypes = GrantTypes.Code, {|#0:AllowPlainTextPkce = true|} };
                static Client Mvc() => new Client { ClientSecrets = { new Secret("s") }, AllowedGrantTypes = GrantTypes.Code, AllowPlainTextPkce = true };
                static Client Machine() => new Client { RequireClientSecret = false, AllowedGrantTypes = GrantTypes.ClientCredentials, AllowPlainTextPkce = true };
            }
            """;

        var test = VerifyPlain.Create(source, Yaml(PublicClients));
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.ExpectedDiagnostics.Add(VerifyPlain.Diagnostic(DiagnosticDescriptors.PlainCodeChallenge).WithLocation(0)
            .WithArguments("SEC-002", PublicClients, "Client.AllowPlainTextPkce = true", "set AllowPlainTextPkce = false so only S256 challenges are accepted"));
        await test.RunAsync();
    }

    private const string Server = """
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(OpenIddictBuilder builder) => builder.AddServer(options => options.{|#0:AllowAuthorizationCodeFlow()|});
        }
        """;

    [Fact]
    public async Task OpenIddictServerWithoutPkce_IsFineWhenEveryCodeClientRequiresIt()
    {
        const string seed = """
            using OpenIddict.Abstractions;
            using static OpenIddict.Abstractions.OpenIddictConstants;

            static class Seed
            {
                static OpenIddictApplicationDescriptor Spa() => new OpenIddictApplicationDescriptor
                {
                    ClientId = "spa",
                    ClientType = ClientTypes.Public,
                    Permissions = { Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode },
                    Requirements = { Requirements.Features.ProofKeyForCodeExchange },
                };

                static OpenIddictApplicationDescriptor Mobile()
                {
                    var descriptor = new OpenIddictApplicationDescriptor { ClientId = "mobile" };
                    descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
                    descriptor.Requirements.Add("ft:pkce");
                    return descriptor;
                }

                static OpenIddictApplicationDescriptor Api() => new OpenIddictApplicationDescriptor
                {
                    ClientId = "api",
                    ClientSecret = "secret",
                    Permissions = { Permissions.GrantTypes.ClientCredentials },
                };
            }
            """;

        var test = Verify.Create(Server.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal), Yaml(PublicClients));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.TestState.Sources.Add(seed);
        await test.RunAsync();
    }

    private const string SeedWithConfidentialCodeClient = """
        using OpenIddict.Abstractions;
        using static OpenIddict.Abstractions.OpenIddictConstants;

        static class Seed
        {
            static OpenIddictApplicationDescriptor Spa() => new OpenIddictApplicationDescriptor
            {
                ClientId = "spa",
                Permissions = { Permissions.GrantTypes.AuthorizationCode },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };

            static OpenIddictApplicationDescriptor Mvc() => {|#1:new OpenIddictApplicationDescriptor
            {
                ClientId = "mvc",
                ClientType = ClientTypes.Confidential,
                ClientSecret = "secret",
                Permissions = { Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken },
            }|};
        }
        """;

    [Fact]
    public async Task OpenIddictConfidentialCodeClient_IsOutOfScopeForPublicClientsControl()
    {
        var test = Verify.Create(Server.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal), Yaml(PublicClients));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.TestState.Sources.Add(SeedWithConfidentialCodeClient.Replace("{|#1:", "", StringComparison.Ordinal).Replace("}|};", "};", StringComparison.Ordinal));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictConfidentialCodeClient_IsReportedWithTheServerForAllClientsControl()
    {
        var test = Verify.Create(Server, Yaml(AllClients));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.TestState.Sources.Add(SeedWithConfidentialCodeClient);
        test.ExpectedDiagnostics.Add(Disabled(AllClients, 0, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()", ServerInstead));
        test.ExpectedDiagnostics.Add(Disabled(AllClients, 1, "a confidential OpenIddict client with the authorization code grant and no ft:pkce requirement", DescriptorInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictPublicClientWithoutPkce_KeepsTheServerReported()
    {
        const string seed = """
            using OpenIddict.Abstractions;

            static class Seed
            {
                static OpenIddictApplicationDescriptor Spa() => {|#1:new OpenIddictApplicationDescriptor { ClientId = "spa", Permissions = { "gt:authorization_code" } }|};
                static OpenIddictApplicationDescriptor Other() => new OpenIddictApplicationDescriptor { ClientId = "other", Permissions = { "gt:authorization_code" }, Requirements = { "ft:pkce" } };
            }
            """;

        var test = Verify.Create(Server, Yaml(PublicClients));
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.TestState.Sources.Add(seed);
        test.ExpectedDiagnostics.Add(Disabled(PublicClients, 0, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()", ServerInstead));
        test.ExpectedDiagnostics.Add(Disabled(PublicClients, 1, "a public OpenIddict client with the authorization code grant and no ft:pkce requirement", DescriptorInstead));
        await test.RunAsync();
    }
}
