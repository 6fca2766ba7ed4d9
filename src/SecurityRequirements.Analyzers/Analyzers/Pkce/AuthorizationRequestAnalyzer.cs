using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2005: Send a PKCE code challenge and code verifier.
/// </summary>
/// <remarks>
/// Reported for hand-built authorize URLs (string literals, interpolations and concatenations) with a code
/// <c>response_type</c> and no <c>code_challenge</c>; form-encoded token request bodies with
/// <c>grant_type=authorization_code</c> and no <c>code_verifier</c>; the same two cases in dictionary and
/// <c>KeyValuePair</c> initialisers; IdentityModel / Duende.IdentityModel <c>RequestUrl.CreateAuthorizeUrl</c> with a
/// code response type and no <c>codeChallenge</c>; and an <c>AuthorizationCodeTokenRequest</c> initialiser without
/// <c>CodeVerifier</c>. A string with a computed part where a whole parameter could be (<c>...&amp;{extra}</c>) is not
/// reported, because the challenge may be in it. Client-credentials and refresh-token requests are not code flows.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthorizationRequestAnalyzer : RequirementsAnalyzer
{
    private const string AddChallenge = "add code_challenge=BASE64URL(SHA256(code_verifier)) and code_challenge_method=S256, and keep the verifier for the token request";
    private const string AddVerifier = "send the code_verifier whose S256 hash was the authorization request's code_challenge";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AuthorizationRequestWithoutPkce);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var requestUrlExtensions = OAuthSymbols.Resolve(context.Compilation, "IdentityModel.Client.RequestUrlExtensions", "Duende.IdentityModel.Client.RequestUrlExtensions");
        var codeTokenRequests = OAuthSymbols.Resolve(context.Compilation, "IdentityModel.Client.AuthorizationCodeTokenRequest", "Duende.IdentityModel.Client.AuthorizationCodeTokenRequest");

        var constants = new ConstantMentions(context.Compilation, ConstantMentions.ResponseType | ConstantMentions.GrantType);

        // String literals and interpolated strings, each concatenation read once from its first piece; a lone literal
        // that mentions neither parameter costs one ordinal search of its token text.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (OAuthRequestText.OutermostMentioning(c, constants, "response_type=", "grant_type=") is not { } operation
                    || OAuthRequestText.Read(operation) is not { } text)
                {
                    return;
                }

                if (OAuthRequestText.QueryValue(text, "response_type") is { } responseType
                    && OAuthRequestText.IsCodeResponseType(responseType)
                    && text.IndexOf("code_challenge=", StringComparison.Ordinal) < 0
                    && !OAuthRequestText.HasParameterHole(text))
                {
                    Report(c.ReportDiagnostic, c.ContainingSymbol, operation.Syntax, "the authorize request (response_type=" + responseType + ")", "code_challenge", AddChallenge);
                }
                else if (OAuthRequestText.QueryValue(text, "grant_type") == "authorization_code"
                    && text.IndexOf("code_verifier=", StringComparison.Ordinal) < 0
                    && !OAuthRequestText.HasParameterHole(text))
                {
                    Report(c.ReportDiagnostic, c.ContainingSymbol, operation.Syntax, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier);
                }
            },
            StringPieces.Kinds);

        // A form pair's key is written in the source or comes from an OAuth library's constants: without either, no
        // initialiser can hold one, and the callback for every initialiser (tables of numbers included) is not registered.
        if (constants.Possible(context.CancellationToken))
        {
            context.RegisterOperationAction(
                c =>
                {
                    if (!FormParameters.MayHoldPairs(c.Operation))
                    {
                        return;
                    }

                    foreach (var element in FormParameters.Elements(c.Operation))
                    {
                        if (FormParameters.Pair(element) is not { } pair)
                        {
                            continue;
                        }

                        if (pair is { Key: "grant_type", Value: "authorization_code" } && !FormParameters.HasKey(c.Operation, "code_verifier"))
                        {
                            Report(c.ReportDiagnostic, c.ContainingSymbol, element.Syntax, "the token request (grant_type=authorization_code)", "code_verifier", AddVerifier);
                        }
                        else if (pair is { Key: "response_type", Value: { } value } && OAuthRequestText.IsCodeResponseType(value) && !FormParameters.HasKey(c.Operation, "code_challenge"))
                        {
                            Report(c.ReportDiagnostic, c.ContainingSymbol, element.Syntax, "the authorize request (response_type=" + value + ")", "code_challenge", AddChallenge);
                        }
                    }
                },
                OperationKind.ObjectOrCollectionInitializer,
                OperationKind.ArrayInitializer);
        }

        if (!requestUrlExtensions.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name != "CreateAuthorizeUrl" || !OAuthSymbols.Contains(requestUrlExtensions, invocation.TargetMethod.ContainingType))
                    {
                        return;
                    }

                    string? responseType = null;
                    var hasChallenge = false;
                    foreach (var argument in invocation.Arguments)
                    {
                        switch (argument.Parameter?.Name)
                        {
                            case "responseType":
                                responseType = argument.Value.ConstantValue is { HasValue: true, Value: string value } ? value : null;
                                break;
                            case "codeChallenge":
                                hasChallenge = argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.ConstantValue is not { HasValue: true, Value: null };
                                break;
                        }
                    }

                    if (responseType is not null && OAuthRequestText.IsCodeResponseType(responseType) && !hasChallenge)
                    {
                        Report(c.ReportDiagnostic, c.ContainingSymbol, invocation.Syntax, "CreateAuthorizeUrl(responseType: \"" + responseType + "\")", "codeChallenge", "pass codeChallenge: BASE64URL(SHA256(codeVerifier)) and codeChallengeMethod: \"S256\"");
                    }
                },
                OperationKind.Invocation);
        }

        if (!codeTokenRequests.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Initializer is not { } initializer || !OAuthSymbols.Contains(codeTokenRequests, creation.Type))
                    {
                        return;
                    }

                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CodeVerifier" } })
                        {
                            return;
                        }
                    }

                    Report(c.ReportDiagnostic, c.ContainingSymbol, creation.Syntax, "new AuthorizationCodeTokenRequest { ... }", "CodeVerifier", "set CodeVerifier to the verifier whose S256 hash was sent as the code challenge");
                },
                OperationKind.ObjectCreation);
        }

        void Report(Action<Diagnostic> report, ISymbol? containingSymbol, SyntaxNode syntax, string what, string missing, string instead)
        {
            foreach (var control in controls)
            {
                requirements.Report(report, DiagnosticDescriptors.AuthorizationRequestWithoutPkce, control, syntax.GetLocation(), containingSymbol, null, control.Id, control.Requirement, what, missing, instead);
            }
        }
    }
}
