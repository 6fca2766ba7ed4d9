using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PlainCodeChallengeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class PlainCodeChallengeAnalyzerTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
        """;

    private static DiagnosticResult Expect(int marker, string found, string instead) =>
        Verify.Diagnostic(DiagnosticDescriptors.PlainCodeChallenge).WithLocation(marker)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", found, instead);

    [Fact]
    public async Task ClientAllowPlainTextPkce_ReportsSRA2003()
    {
        const string source = """
            using IdentityServer4.Models;

            static class Clients
            {
                static Client Native() => new Client { ClientId = "native", {|#0:AllowPlainTextPkce = true|} };
                static void Relax(Client client) { {|#1:client.AllowPlainTextPkce = true|}; }
                static Client Ok() => new Client { AllowPlainTextPkce = false };
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.TestState.Sources.Add(IdentityServerStandIns.IdentityServer4);
        test.ExpectedDiagnostics.Add(Expect(0, "Client.AllowPlainTextPkce = true", "set AllowPlainTextPkce = false so only S256 challenges are accepted"));
        test.ExpectedDiagnostics.Add(Expect(1, "Client.AllowPlainTextPkce = true", "set AllowPlainTextPkce = false so only S256 challenges are accepted"));
        await test.RunAsync();
    }
}
