using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.NonCodeResponseTypeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class NonCodeResponseTypeAnalyzerTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
        """;

    private static DiagnosticResult Expect(int marker, string responseType, string flow) =>
        Verify.Diagnostic(DiagnosticDescriptors.NonCodeResponseType).WithLocation(marker)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", responseType, flow);

    private static async Task VerifyAspNetAsync(string source, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task ImplicitAndHybridResponseTypes_ReportSRA2002()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.IdentityModel.Protocols.OpenIdConnect;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect("a", o => {|#0:o.ResponseType = "id_token token"|})
                        .AddOpenIdConnect("b", o => {|#1:o.ResponseType = OpenIdConnectResponseType.CodeIdToken|});
                    services.Configure<OpenIdConnectOptions>("c", o => {|#2:o.ResponseType = "id_token"|});
                }

                static OpenIdConnectOptions Create() => new() { {|#3:ResponseType = "code id_token token"|} };
            }
            """;

        await VerifyAspNetAsync(source, Yaml,
            Expect(0, "id_token token", "implicit"),
            Expect(1, "code id_token", "hybrid"),
            Expect(2, "id_token", "implicit"),
            Expect(3, "code id_token token", "hybrid"));
    }

    [Fact]
    public async Task CodeFlowOrComputedResponseType_StaysSilent()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.IdentityModel.Protocols.OpenIdConnect;

            static class Startup
            {
                static void Configure(IServiceCollection services, string configured)
                {
                    services.AddAuthentication()
                        .AddOpenIdConnect("a", o => { o.ResponseType = "code"; o.UsePkce = true; })
                        .AddOpenIdConnect("b", o => o.ResponseType = OpenIdConnectResponseType.Code)
                        // .AddOpenIdConnect("c", o => o.ResponseType = "id_token token")
                        .AddOpenIdConnect("d", o => o.ResponseType = configured);
                    var message = new OpenIdConnectMessage { ResponseType = "id_token" };
                }
            }
            """;

        await VerifyAspNetAsync(source, Yaml);
    }

    [Fact]
    public async Task NoRequirementsFile_UsesBaselineControl()
    {
        const string source = """
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;
            static class Startup
            {
                static OpenIdConnectOptions Create() => new() { {|#0:ResponseType = "id_token"|} };
            }
            """;

        var test = Verify.Create(source, yaml: null);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.NonCodeResponseType).WithLocation(0)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", "id_token", "implicit"));
        await test.RunAsync();
    }
}
