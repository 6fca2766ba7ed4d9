using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PkceDisabledAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Pkce.RequireProofKeyCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

public class RequireProofKeyCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            requirement: Implement OAuth 2.0 with PKCE
        """;

    [Fact]
    public async Task AllowAuthorizationCodeFlow_FixAllAppendsRequireProofKeyForCodeExchange()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder)
                {
                    builder.AddServer(options =>
                    {
                        options.[|AllowAuthorizationCodeFlow()|]; // interactive clients
                    });
                    builder.AddServer(options => options
                        .[|AllowAuthorizationCodeFlow()|]
                        .AllowRefreshTokenFlow());
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(OpenIddictBuilder builder)
                {
                    builder.AddServer(options =>
                    {
                        options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange(); // interactive clients
                    });
                    builder.AddServer(options => options
                        .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                        .AllowRefreshTokenFlow());
                }
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        await test.RunAsync();
    }
}
