using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PkceDisabledAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Pkce.AddUsePkceCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

public class AddUsePkceCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            requirement: Implement OAuth 2.0 with PKCE
        """;

    [Fact]
    public async Task AddOAuthLambdas_FixAllAddsUsePkce()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder)
                {
                    builder.[|AddOAuth|]("github", o =>
                    {
                        o.ClientId = "id"; // from secrets
                    });
                    builder.[|AddOAuth|]("other", options => options.ClientId = "id");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder)
                {
                    builder.AddOAuth("github", o =>
                    {
                        o.ClientId = "id"; // from secrets
                        o.UsePkce = true;
                    });
                    builder.AddOAuth("other", options => { options.ClientId = "id"; options.UsePkce = true; });
                }
            }
            """;

        var test = Verify.Create(source, fixedSource, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        await test.RunAsync();
    }
}
