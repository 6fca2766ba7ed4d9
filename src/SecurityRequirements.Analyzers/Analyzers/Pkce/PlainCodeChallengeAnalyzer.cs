using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2003: Use the S256 code challenge method.
/// </summary>
/// <remarks>
/// Reported for IdentityServer <c>Client.AllowPlainTextPkce = true</c> (IdentityServer4 and Duende, matched by full name),
/// for <c>code_challenge_method=plain</c> in hand-built request strings and form dictionaries, and for IdentityModel /
/// Duende.IdentityModel <c>RequestUrl.CreateAuthorizeUrl</c> with <c>codeChallengeMethod: "plain"</c>, and for OpenIddict
/// <c>OpenIddictServerOptions.CodeChallengeMethods.Add("plain")</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlainCodeChallengeAnalyzer : RequirementsAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> SetFalse = ImmutableDictionary<string, string?>.Empty.Add(OAuthSymbols.ReplacementProperty, "false");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PlainCodeChallenge);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var clients = OAuthSymbols.Resolve(context.Compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        var requestUrlExtensions = OAuthSymbols.Resolve(context.Compilation, "IdentityModel.Client.RequestUrlExtensions", "Duende.IdentityModel.Client.RequestUrlExtensions");

        context.RegisterOperationAction(
            c =>
            {
                if (OAuthRequestText.IsString(c.Operation.Type)
                    && OAuthRequestText.IsOutermostString(c.Operation)
                    && OAuthRequestText.Mentions(c.Operation, "code_challenge_method=")
                    && OAuthRequestText.Read(c.Operation) is { } text
                    && OAuthRequestText.QueryValue(text, "code_challenge_method") is { } method
                    && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                {
                    Report(c, c.Operation.Syntax, "code_challenge_method=" + method, "send code_challenge_method=S256 with code_challenge=BASE64URL(SHA256(code_verifier))");
                }
            },
            OperationKind.Literal,
            OperationKind.InterpolatedString,
            OperationKind.Binary);

        context.RegisterOperationAction(
            c =>
            {
                foreach (var element in FormParameters.Elements(c.Operation))
                {
                    if (FormParameters.Pair(element) is { Key: "code_challenge_method", Value: { } method } && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                    {
                        Report(c, element.Syntax, "code_challenge_method=" + method, "send code_challenge_method=S256 with code_challenge=BASE64URL(SHA256(code_verifier))");
                    }
                }
            },
            OperationKind.ObjectOrCollectionInitializer,
            OperationKind.ArrayInitializer);

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

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "codeChallengeMethod"
                            && argument.Value.ConstantValue is { HasValue: true, Value: string method }
                            && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                        {
                            Report(c, argument.Syntax, "CreateAuthorizeUrl(codeChallengeMethod: \"" + method + "\")", "pass codeChallengeMethod: \"S256\" with codeChallenge: BASE64URL(SHA256(codeVerifier))");
                        }
                    }
                },
                OperationKind.Invocation);
        }

        var openIddictOptions = OAuthSymbols.Resolve(context.Compilation, "OpenIddict.Server.OpenIddictServerOptions");
        if (!openIddictOptions.IsEmpty)
        {
            // OpenIddict has no builder method for challenge methods: "plain" is allowed through options.CodeChallengeMethods.Add.
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name == "Add"
                        && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "CodeChallengeMethods" } property }
                        && OAuthSymbols.Contains(openIddictOptions, property.ContainingType)
                        && invocation.Arguments.Length == 1
                        && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string method }
                        && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                    {
                        Report(c, invocation.Syntax, "OpenIddictServerOptions.CodeChallengeMethods.Add(\"" + method + "\")", "allow only CodeChallengeMethods.Sha256 (\"S256\")");
                    }
                },
                OperationKind.Invocation);
        }

        if (clients.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: true }
                    || OAuthSymbols.AssignedProperty(assignment, clients) is not { Name: "AllowPlainTextPkce" })
                {
                    return;
                }

                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.PlainCodeChallenge,
                        control,
                        assignment.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        SetFalse,
                        control.Id,
                        control.Requirement,
                        "Client.AllowPlainTextPkce = true",
                        "set AllowPlainTextPkce = false so only S256 challenges are accepted");
                }
            },
            OperationKind.SimpleAssignment);

        void Report(OperationAnalysisContext c, SyntaxNode syntax, string what, string instead)
        {
            foreach (var control in controls)
            {
                requirements.Report(c.ReportDiagnostic, DiagnosticDescriptors.PlainCodeChallenge, control, syntax.GetLocation(), c.ContainingSymbol, null, control.Id, control.Requirement, what, instead);
            }
        }
    }
}
