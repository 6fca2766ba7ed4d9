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

    private const string UseS256 = "send code_challenge_method=S256 with code_challenge=BASE64URL(SHA256(code_verifier))";

    [Fact]
    public async Task PlainMethodInConcatenation_ReportedOnceAtTheWholeRequest()
    {
        const string source = """
            static class Login
            {
                const string Method = "&code_challenge_method=";
                static string A(string challenge) => {|#0:"https://id.example/authorize?response_type=code&code_challenge=" + challenge + Method + "plain"|};
                static string B(string challenge) => "https://id.example/authorize?response_type=code&code_challenge=" + challenge + Method + "S256";
            }
            """;

        await Verify.VerifyAsync(source, Yaml, Expect(0, "code_challenge_method=plain", UseS256));
    }

    [Fact]
    public async Task PlainMethodInRequestsAndHelpers_ReportsSRA2003()
    {
        const string source = """
            using System.Collections.Generic;
            using Duende.IdentityModel.Client;

            static class Login
            {
                static string A(string verifier) => {|#0:$"https://id.example/authorize?response_type=code&code_challenge={verifier}&code_challenge_method=plain"|};
                static Dictionary<string, string> B(string verifier) => new() { ["code_challenge"] = verifier, {|#1:["code_challenge_method"] = "plain"|} };
                static string C(RequestUrl url, string verifier) => url.CreateAuthorizeUrl("web", "code", codeChallenge: verifier, {|#2:codeChallengeMethod: "plain"|});
                static string D(RequestUrl url, string challenge) => url.CreateAuthorizeUrl("web", "code", codeChallenge: challenge, codeChallengeMethod: "S256");
                static string E(string challenge) => $"https://id.example/authorize?response_type=code&code_challenge={challenge}&code_challenge_method=S256";
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.DuendeIdentityModel;
        test.ExpectedDiagnostics.Add(Expect(0, "code_challenge_method=plain", UseS256));
        test.ExpectedDiagnostics.Add(Expect(1, "code_challenge_method=plain", UseS256));
        test.ExpectedDiagnostics.Add(Expect(2, "CreateAuthorizeUrl(codeChallengeMethod: \"plain\")", "pass codeChallengeMethod: \"S256\" with codeChallenge: BASE64URL(SHA256(codeVerifier))"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OpenIddictPlainChallengeMethod_ReportsSRA2003()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;
            using OpenIddict.Abstractions;

            static class Startup
            {
                static void Configure(OpenIddictServerBuilder builder) => builder.Configure(options =>
                {
                    {|#0:options.CodeChallengeMethods.Add(OpenIddictConstants.CodeChallengeMethods.Plain)|};
                    options.CodeChallengeMethods.Add(OpenIddictConstants.CodeChallengeMethods.Sha256);
                });
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.OpenIddict;
        test.ExpectedDiagnostics.Add(Expect(0, "OpenIddictServerOptions.CodeChallengeMethods.Add(\"plain\")", "allow only CodeChallengeMethods.Sha256 (\"S256\")"));
        await test.RunAsync();
    }
}
