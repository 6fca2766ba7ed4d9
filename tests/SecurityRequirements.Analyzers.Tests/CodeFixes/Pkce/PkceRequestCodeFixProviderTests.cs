using SecurityRequirements.Analyzers.CodeFixes.Pkce;
using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;
using Fix = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.AuthorizationRequestAnalyzer, SecurityRequirements.Analyzers.CodeFixes.Pkce.PkceRequestCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

public class PkceRequestCodeFixProviderTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            requirement: Implement OAuth 2.0 with PKCE
        """;

    [Fact]
    public async Task AuthorizeUrl_GetsTheS256ChallengeOfTheKeptVerifier_TokenRequestGetsTheVerifier_HelperAddedOnce()
    {
        const string source = """
            using Duende.IdentityModel.Client;

            class Login(string codeVerifier)
            {
                string Start(RequestUrl url)
                {
                    // send the user to the IdP
                    return {|SRA2005:url.CreateAuthorizeUrl(clientId: "web", responseType: "code", scope: "openid")|};
                }

                static string Again(RequestUrl url, string verifier)
                {
                    var target = {|SRA2005:url.CreateAuthorizeUrl("web", "code")|};
                    return target;
                }

                static AuthorizationCodeTokenRequest Redeem(string code, string codeVerifier) =>
                    {|SRA2005:new AuthorizationCodeTokenRequest { ClientId = "web", Code = code }|};
            }
            """;
        const string fixedSource = """
            using Duende.IdentityModel.Client;

            class Login(string codeVerifier)
            {
                string Start(RequestUrl url)
                {
                    // send the user to the IdP
                    return url.CreateAuthorizeUrl(clientId: "web", responseType: "code", scope: "openid", codeChallenge: PkceCodes.CreateChallenge(codeVerifier), codeChallengeMethod: "S256");
                }

                static string Again(RequestUrl url, string verifier)
                {
                    var target = url.CreateAuthorizeUrl("web", "code", codeChallenge: PkceCodes.CreateChallenge(verifier), codeChallengeMethod: "S256");
                    return target;
                }

                static AuthorizationCodeTokenRequest Redeem(string code, string codeVerifier) =>
                    new AuthorizationCodeTokenRequest { ClientId = "web", Code = code, CodeVerifier = codeVerifier };
            }
            """;

        var test = Fix.Create(source, fixedSource + "\n" + PkceCodesHelper.ClassSource, Yaml);
        test.TestState.ReferenceAssemblies = OAuthReferences.DuendeIdentityModel;
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task AuthorizeUrlWithNoVerifierKept_OffersNoFix()
    {
        // A verifier made here and dropped would bind the code to a verifier the token request can never send.
        const string source = """
            using Duende.IdentityModel.Client;

            static class Login
            {
                static string Start(RequestUrl url) => {|SRA2005:url.CreateAuthorizeUrl(clientId: "web", responseType: "code")|};
            }
            """;

        var test = Fix.Create(source, source, Yaml);
        test.TestState.ReferenceAssemblies = OAuthReferences.DuendeIdentityModel;
        await test.RunAsync();
    }

    [Fact]
    public async Task HandBuiltStringsAndTokenRequestWithoutVerifier_OfferNoFix()
    {
        const string source = """
            using Duende.IdentityModel.Client;

            static class Login
            {
                static string Url(string client) => {|SRA2005:"https://id.example/authorize?response_type=code&client_id=" + client|};
                static AuthorizationCodeTokenRequest Redeem(string code) => {|SRA2005:new AuthorizationCodeTokenRequest { Code = code }|};
            }
            """;

        var test = Fix.Create(source, source, Yaml);
        test.TestState.ReferenceAssemblies = OAuthReferences.DuendeIdentityModel;
        await test.RunAsync();
    }
}
