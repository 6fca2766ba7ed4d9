using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.UnverifiablePkceSettingAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class UnverifiablePkceSettingAnalyzerTests
{
    private const string Requirement = "Implement OAuth 2.0 with PKCE";
    private const string Yaml = "controls:\n  - id: SEC-002\n    requirement: " + Requirement + "\n";
    private const string BindInstead = "set UsePkce = true after the binding (later in the same lambda or method, or in PostConfigure) so configuration cannot turn PKCE off";
    private const string ClientsInstead = "define the clients in code with RequirePkce = true, or set RequirePkce = true on every loaded client";

    private static DiagnosticResult Expect(int marker, string found, string instead, string requirement = Requirement) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnverifiablePkceSetting).WithLocation(marker).WithArguments("SEC-002", requirement, found, instead);

    private static string ValueInstead(string property, string value) =>
        $"write {property} = {value} as a constant, or waive this place in security_requirements.yaml with a justification";

    private static Verify.Test Create(string source, string yaml = Yaml)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.TestState.Sources.Add(IdentityServerStandIns.Duende);
        test.TestState.Sources.Add(IdentityServerStandIns.InMemoryClients);
        return test;
    }

    [Fact]
    public async Task SettingsReadAtRunTime_ReportSRA2006()
    {
        const string source = """
            using Duende.IdentityServer.Models;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            class OidcSettings { public bool UsePkce { get; set; } public bool Plain { get; set; } }

            static class Startup
            {
                static void Configure(IServiceCollection services, IConfiguration configuration, OidcSettings settings)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect(o => {|#0:o.UsePkce = bool.Parse(configuration["Oidc:UsePkce"]!)|})
                        .AddGoogle(o => {|#1:o.UsePkce = settings.UsePkce|});
                }

                static Client Spa(IConfiguration configuration, OidcSettings settings) => new Client
                {
                    RequireClientSecret = false,
                    AllowedGrantTypes = GrantTypes.Code,
                    {|#2:RequirePkce = configuration.GetValue<bool>("Clients:Spa:RequirePkce")|},
                    {|#3:AllowPlainTextPkce = settings.Plain|},
                };
            }
            """;

        var test = Create(source);
        test.ExpectedDiagnostics.Add(Expect(0, "OpenIdConnectOptions.UsePkce is set from a value known only at run time", ValueInstead("UsePkce", "true")));
        test.ExpectedDiagnostics.Add(Expect(1, "OAuthOptions.UsePkce is set from a value known only at run time", ValueInstead("UsePkce", "true")));
        test.ExpectedDiagnostics.Add(Expect(2, "Client.RequirePkce is set from a value known only at run time", ValueInstead("RequirePkce", "true")));
        test.ExpectedDiagnostics.Add(Expect(3, "Client.AllowPlainTextPkce is set from a value known only at run time", ValueInstead("AllowPlainTextPkce", "false")));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionsAndClientsBoundFromConfiguration_ReportSRA2006()
    {
        const string source = """
            using System.Collections.Generic;
            using Duende.IdentityServer.Models;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services, IConfiguration configuration, IIdentityServerBuilder identity)
                {
                    services.AddAuthentication().AddOpenIdConnect(o => configuration.{|#0:Bind("Oidc", o)|});
                    services.{|#1:Configure<OpenIdConnectOptions>(configuration.GetSection("Oidc"))|};
                    services.AddOptions<OpenIdConnectOptions>("oidc").{|#2:BindConfiguration("Oidc")|};
                    var clients = configuration.GetSection("Clients").{|#3:Get<List<Client>>()|};
                    identity.{|#4:AddInMemoryClients(configuration.GetSection("IdentityServer:Clients"))|};
                }
            }
            """;

        var test = Create(source);
        test.ExpectedDiagnostics.Add(Expect(0, "Bind(...) binds OpenIdConnectOptions, UsePkce included, from configuration", BindInstead));
        test.ExpectedDiagnostics.Add(Expect(1, "Configure(...) binds OpenIdConnectOptions, UsePkce included, from configuration", BindInstead));
        test.ExpectedDiagnostics.Add(Expect(2, "BindConfiguration(...) binds OpenIdConnectOptions, UsePkce included, from configuration", BindInstead));
        test.ExpectedDiagnostics.Add(Expect(3, "Get(...) loads IdentityServer clients, RequirePkce and AllowPlainTextPkce included, from configuration", ClientsInstead));
        test.ExpectedDiagnostics.Add(Expect(4, "AddInMemoryClients(...) loads IdentityServer clients, RequirePkce and AllowPlainTextPkce included, from configuration", ClientsInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task PinnedOrConstantSettings_StaySilent()
    {
        const string source = """
            using System.Collections.Generic;
            using Duende.IdentityServer.Models;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            class Settings { public string Authority { get; set; } = ""; }

            static class Startup
            {
                const bool Pkce = true;

                static void Configure(IServiceCollection services, IConfiguration configuration, IIdentityServerBuilder identity, bool flag)
                {
                    services.AddAuthentication().AddOpenIdConnect(o =>
                    {
                        configuration.Bind("Oidc", o);
                        o.UsePkce = true;
                    });
                    services.Configure<OpenIdConnectOptions>(configuration.GetSection("Oidc"));
                    services.PostConfigure<OpenIdConnectOptions>(o => o.UsePkce = true);
                    services.Configure<Settings>(configuration.GetSection("App"));
                    var settings = configuration.GetSection("App").Get<Settings>();
                    var clients = configuration.GetSection("Clients").Get<List<Client>>()!;
                    foreach (var client in clients)
                    {
                        client.RequirePkce = true;
                    }

                    identity.AddInMemoryClients(clients);
                    services.AddAuthentication().AddOpenIdConnect(o => o.UsePkce = Pkce).AddGoogle(o => o.UsePkce = !false);
                }

                static Client Mvc(bool flag) => new Client { ClientSecrets = { new Secret("s") }, AllowedGrantTypes = GrantTypes.Code, RequirePkce = flag };
                static Client Machine(bool flag) => new Client { RequireClientSecret = false, AllowedGrantTypes = GrantTypes.ClientCredentials, RequirePkce = flag };
            }
            """;

        await Create(source, "controls:\n  - id: SEC-002\n    requirement: OAuth 2.0 with PKCE required for all public clients\n").RunAsync();
    }

    [Fact]
    public async Task ControlSeverity_AppliesAndNoOAuthControl_StaysSilent()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services, IConfiguration configuration) =>
                    services.AddAuthentication().AddOpenIdConnect(o => {|#0:o.UsePkce = configuration.GetValue<bool>("Oidc:UsePkce")|});
            }
            """;

        var test = Create(source, Yaml + "    severity: error\n");
        test.ExpectedDiagnostics.Add(Expect(0, "OpenIdConnectOptions.UsePkce is set from a value known only at run time", ValueInstead("UsePkce", "true")).WithSeverity(DiagnosticSeverity.Error));
        await test.RunAsync();

        var silent = Create(source.Replace("{|#0:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal), "controls:\n  - id: OPS-1\n    requirement: Back up nightly\n");
        await silent.RunAsync();
    }

    [Fact]
    public async Task WithoutOAuthTypes_NothingIsReported()
    {
        const string source = """
            class Options { public bool UsePkce { get; set; } }
            static class C { static void M(Options o, bool flag) => o.UsePkce = flag; }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }
}
