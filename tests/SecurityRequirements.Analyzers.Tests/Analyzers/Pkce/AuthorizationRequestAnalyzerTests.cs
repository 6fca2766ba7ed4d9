using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.AuthorizationRequestAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

public class AuthorizationRequestAnalyzerTests
{
    private const string Yaml = """
        controls:
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
        """;

    private const string AddChallenge = "add code_challenge=BASE64URL(SHA256(code_verifier)) and code_challenge_method=S256, and keep the verifier for the token request";
    private const string AddVerifier = "send the code_verifier whose S256 hash was the authorization request's code_challenge";

    private static DiagnosticResult Expect(int marker, string what, string missing, string instead) =>
        Verify.Diagnostic(DiagnosticDescriptors.AuthorizationRequestWithoutPkce).WithLocation(marker)
            .WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", what, missing, instead);

    [Fact]
    public async Task HandBuiltAuthorizeUrlsWithoutChallenge_ReportSRA2005()
    {
        const string source = """
            using System;

            static class Login
            {
                const string Authorize = "https://id.example/authorize";

                static string A(string clientId) => {|#0:$"{Authorize}?client_id={clientId}&response_type=code&scope=openid"|};
                static string B(string clientId, string redirect) => {|#1:Authorize + "?response_type=code&client_id=" + clientId + "&redirect_uri=" + Uri.EscapeDataString(redirect)|};
                static string C() => {|#2:"https://id.example/authorize?response_type=code%20id_token&client_id=web"|};
                static string D(string code) => {|#3:$"grant_type=authorization_code&code={code}&redirect_uri=https%3A%2F%2Fapp"|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "the authorize request (response_type=code)", "code_challenge", AddChallenge),
            Expect(1, "the authorize request (response_type=code)", "code_challenge", AddChallenge),
            Expect(2, "the authorize request (response_type=code%20id_token)", "code_challenge", AddChallenge),
            Expect(3, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier));
    }

    [Fact]
    public async Task FormDictionariesWithoutVerifierOrChallenge_ReportSRA2005()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            static class Tokens
            {
                static FormUrlEncodedContent A(string code) => new(new Dictionary<string, string>
                {
                    {|#0:["grant_type"] = "authorization_code"|},
                    ["code"] = code,
                    ["redirect_uri"] = "https://app/callback",
                });

                static FormUrlEncodedContent B(string code) => new(new[]
                {
                    {|#1:new KeyValuePair<string, string>("grant_type", "authorization_code")|},
                    new KeyValuePair<string, string>("code", code),
                });

                static Dictionary<string, string> C() => new() { { "client_id", "web" }, {|#2:{ "response_type", "code" }|} };
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier),
            Expect(1, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier),
            Expect(2, "the authorize request (response_type=code)", "code_challenge", AddChallenge));
    }

    [Fact]
    public async Task ConcatenatedConstantsAndConvertedStrings_ReportedOncePerRequest()
    {
        // A request split over constants and literals is read as one string and reported once, at the whole expression;
        // a request handed to an object or span parameter is read through the conversion.
        const string source = """
            using System;

            static class Login
            {
                const string Base = "https://id.example/authorize";
                const string ResponseType = "response_type";
                static string A(string id) => {|#0:Base + "?" + ResponseType + "=code&client_id=" + id + ("&scope=" + "openid")|};
                static object B() => {|#1:"grant_type=authorization_code&code=abc"|};
                static int C() => Count({|#2:"https://id.example/authorize?response_type=code&client_id=web"|});
                static int Count(ReadOnlySpan<char> text) => text.Length;
                static string D(string id) => $"{Base}?client_id={id}" + "&scope=openid";
                static ulong[] Table() => new ulong[] { 0x1UL + 2, 3 * 4, 5 };
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Expect(0, "the authorize request (response_type=code)", "code_challenge", AddChallenge),
            Expect(1, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier),
            Expect(2, "the authorize request (response_type=code)", "code_challenge", AddChallenge));
    }

    [Fact]
    public async Task ParameterNamesInConstantsOfAnotherFile_AreStillRead()
    {
        // Strings whose own text names no parameter are bound, and form initialisers listened to, only when a constant
        // may name one: here the names are written in another file of the project, the '=' in the string that uses it.
        var test = Verify.Create("""
            static class Login
            {
                static string A(string id) => {|#0:OAuthNames.Authorize + "?" + OAuthNames.ResponseType + "=code&client_id=" + id|};
                static string B(string id) => "https://example.com/search?q=" + id;
                static object C(string code) => new System.Collections.Generic.Dictionary<string, string>
                {
                    {|#1:[OAuthNames.GrantType] = "authorization_code"|},
                    ["code"] = code,
                };
            }
            """, Yaml);
        test.TestState.Sources.Add(("/0/OAuthNames.cs", """
            static class OAuthNames
            {
                public const string Authorize = "https://id.example/authorize";
                public const string ResponseType = "response_type";
                public const string GrantType = "grant_type";
            }
            """));
        test.ExpectedDiagnostics.Add(Expect(0, "the authorize request (response_type=code)", "code_challenge", AddChallenge));
        test.ExpectedDiagnostics.Add(Expect(1, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier));
        await test.RunAsync();
    }

    [Fact]
    public async Task PkceRequestsAndOtherGrants_StaySilent()
    {
        const string source = """
            using System.Collections.Generic;

            static class Login
            {
                static string A(string clientId, string challenge) =>
                    $"https://id.example/authorize?response_type=code&client_id={clientId}&code_challenge={challenge}&code_challenge_method=S256";
                static string B(string extra) => $"https://id.example/authorize?response_type=code&{extra}";
                static string C(string type) => $"https://id.example/authorize?response_type={type}";
                static string D() => "https://id.example/authorize?response_type=id_token&nonce=1";
                static string E() => "grant_type=client_credentials&scope=api";
                static string F(string token) => "grant_type=refresh_token&refresh_token=" + token;
                static string G(string code, string verifier) => $"grant_type=authorization_code&code={code}&code_verifier={verifier}";
                static string H() => "my_response_type=code";
                const string PkceS256 = "&code_challenge_method=S256&code_challenge=";
                static string H2(string challenge) => $"https://id.example/authorize?response_type=code{PkceS256}{challenge}";
                static string H3(string pkce) => $"https://id.example/authorize?response_type=code{pkce}";
                // static string I() => "https://id.example/authorize?response_type=code";
                static Dictionary<string, string> J(string code, string verifier) => new()
                {
                    ["grant_type"] = "authorization_code",
                    ["code"] = code,
                    ["code_verifier"] = verifier,
                };
                static Dictionary<string, string> K() => new() { ["grant_type"] = "client_credentials" };
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task DuendeIdentityModelHelpers_ReportSRA2005()
    {
        const string source = """
            using Duende.IdentityModel.Client;

            static class Login
            {
                static string A(RequestUrl url) => {|#0:url.CreateAuthorizeUrl(clientId: "web", responseType: "code", scope: "openid", redirectUri: "https://app/cb")|};
                static string B(RequestUrl url, string challenge) => url.CreateAuthorizeUrl("web", "code", codeChallenge: challenge, codeChallengeMethod: "S256");
                static string C(RequestUrl url) => url.CreateAuthorizeUrl("web", "id_token");

                static AuthorizationCodeTokenRequest D(string code) => {|#1:new AuthorizationCodeTokenRequest { Address = "https://id.example/token", ClientId = "web", Code = code }|};
                static AuthorizationCodeTokenRequest E(string code, string verifier) => new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = verifier };
                static ClientCredentialsTokenRequest F() => new ClientCredentialsTokenRequest { ClientId = "svc" };
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.DuendeIdentityModel;
        test.ExpectedDiagnostics.Add(Expect(0, "CreateAuthorizeUrl(responseType: \"code\")", "codeChallenge", "pass codeChallenge: BASE64URL(SHA256(codeVerifier)) and codeChallengeMethod: \"S256\""));
        test.ExpectedDiagnostics.Add(Expect(1, "new AuthorizationCodeTokenRequest { ... }", "CodeVerifier", "set CodeVerifier to the verifier whose S256 hash was sent as the code challenge"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IdentityModelHelpers_ReportSRA2005()
    {
        const string source = """
            using IdentityModel.Client;

            static class Login
            {
                static string A(RequestUrl url) => {|#0:url.CreateAuthorizeUrl("web", "code")|};
                static AuthorizationCodeTokenRequest B(string code) => {|#1:new AuthorizationCodeTokenRequest { Code = code }|};
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.IdentityModel;
        test.ExpectedDiagnostics.Add(Expect(0, "CreateAuthorizeUrl(responseType: \"code\")", "codeChallenge", "pass codeChallenge: BASE64URL(SHA256(codeVerifier)) and codeChallengeMethod: \"S256\""));
        test.ExpectedDiagnostics.Add(Expect(1, "new AuthorizationCodeTokenRequest { ... }", "CodeVerifier", "set CodeVerifier to the verifier whose S256 hash was sent as the code challenge"));
        await test.RunAsync();
    }
}
