using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PkceDisabledAnalyzer>;
using VerifyPlain = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Pkce.PlainCodeChallengeAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>Event handlers that strip PKCE from the messages the ASP.NET Core handlers build (SRA2001) or downgrade it to plain (SRA2003).</summary>
public class PkceEventHandlerTests
{
    private const string Yaml = "controls:\n  - id: SEC-002\n    requirement: Implement OAuth 2.0 with PKCE\n";
    private const string ChallengeInstead = "delete this edit so the handler's S256 code_challenge reaches the authorization server";
    private const string VerifierInstead = "delete this edit so the handler sends the code_verifier with the token request";

    private const string Handlers = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.OAuth;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        static class Events
        {
            static void Configure(OpenIdConnectOptions options, string computed)
            {
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    {|#0:context.ProtocolMessage.Parameters.Remove("code_challenge")|};
                    {|#1:context.ProtocolMessage.RemoveParameter("code_challenge")|};
                    {|#2:context.ProtocolMessage.SetParameter("code_challenge", null)|};
                    {|#3:context.ProtocolMessage.SetParameter("code_challenge_method", "plain")|};
                    {|#4:context.ProtocolMessage.Parameters["code_challenge_method"] = "plain"|};
                    {|#5:context.ProtocolMessage.Parameters.Remove(OAuthConstants.CodeChallengeMethodKey)|};
                    context.ProtocolMessage.SetParameter("code_challenge_method", "S256");
                    context.ProtocolMessage.SetParameter("code_challenge", computed);
                    context.ProtocolMessage.Parameters.Remove("prompt");
                    context.ProtocolMessage.RemoveParameter("acr_values");
                    return Task.CompletedTask;
                };
                options.Events.OnAuthorizationCodeReceived = context =>
                {
                    {|#6:context.TokenEndpointRequest!.Parameters.Remove("code_verifier")|};
                    {|#7:context.Properties!.Items.Remove(OAuthConstants.CodeVerifierKey)|};
                    context.Properties.Items.Remove("returnUrl");
                    return Task.CompletedTask;
                };
            }
        }
        """;

    [Fact]
    public async Task HandlersRemovingTheChallengeOrVerifier_ReportSRA2001()
    {
        var source = Handlers;
        foreach (var marker in new[] { "3", "4", "5" })
        {
            source = RemoveMarker(source, marker);
        }

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.ExpectedDiagnostics.Add(Disabled(0, "Parameters.Remove(\"code_challenge\")", ChallengeInstead));
        test.ExpectedDiagnostics.Add(Disabled(1, "RemoveParameter(\"code_challenge\")", ChallengeInstead));
        test.ExpectedDiagnostics.Add(Disabled(2, "SetParameter(\"code_challenge\", null)", ChallengeInstead));
        test.ExpectedDiagnostics.Add(Disabled(6, "Parameters.Remove(\"code_verifier\")", VerifierInstead));
        test.ExpectedDiagnostics.Add(Disabled(7, "Items.Remove(\"code_verifier\")", VerifierInstead));
        await test.RunAsync();
    }

    [Fact]
    public async Task HandlersDowngradingToPlain_ReportSRA2003()
    {
        var source = Handlers;
        foreach (var marker in new[] { "0", "1", "2", "6", "7" })
        {
            source = RemoveMarker(source, marker);
        }

        const string setInstead = "delete this edit so the handler's code_challenge_method=S256 reaches the authorization server";
        var test = VerifyPlain.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        test.ExpectedDiagnostics.Add(Plain(3, "SetParameter(\"code_challenge_method\", \"plain\")", setInstead));
        test.ExpectedDiagnostics.Add(Plain(4, "Parameters[\"code_challenge_method\"] = \"plain\"", setInstead));
        test.ExpectedDiagnostics.Add(Plain(5, "Parameters.Remove(\"code_challenge_method\")", "delete this edit: without code_challenge_method the server assumes plain, so keep the handler's S256"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SameEditsOnOtherDictionaries_StaySilent()
    {
        const string source = """
            using System.Collections.Generic;

            static class Form
            {
                static void Edit(Dictionary<string, string> parameters)
                {
                    parameters.Remove("code_challenge");
                    parameters["code_challenge_method"] = "S256";
                }
            }
            """;

        var test = Verify.Create(source, Yaml);
        test.ReferenceAssemblies = OAuthReferences.AspNetCore;
        await test.RunAsync();
    }

    private static string RemoveMarker(string source, string marker)
    {
        var start = source.IndexOf("{|#" + marker + ":", StringComparison.Ordinal);
        var end = source.IndexOf("|}", start, StringComparison.Ordinal);
        return source.Substring(0, start) + source.Substring(start + marker.Length + 4, end - start - marker.Length - 4) + source.Substring(end + 2);
    }

    private static DiagnosticResult Disabled(int marker, string found, string instead) =>
        Verify.Diagnostic(DiagnosticDescriptors.PkceDisabled).WithLocation(marker).WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", found, instead);

    private static DiagnosticResult Plain(int marker, string found, string instead) =>
        VerifyPlain.Diagnostic(DiagnosticDescriptors.PlainCodeChallenge).WithLocation(marker).WithArguments("SEC-002", "Implement OAuth 2.0 with PKCE", found, instead);
}
