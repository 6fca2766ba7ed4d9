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
/// SRA2003: Use the S256 code challenge method.
/// </summary>
/// <remarks>
/// Reported for IdentityServer <c>Client.AllowPlainTextPkce = true</c> (IdentityServer4 and Duende, matched by full name),
/// for <c>code_challenge_method=plain</c> in hand-built request strings and form dictionaries, and for IdentityModel /
/// Duende.IdentityModel <c>RequestUrl.CreateAuthorizeUrl</c> with <c>codeChallengeMethod: "plain"</c>, and for OpenIddict
/// <c>OpenIddictServerOptions.CodeChallengeMethods.Add("plain")</c>, and for an event handler that sets
/// <c>code_challenge_method</c> to <c>plain</c> in the protocol message or removes it (the server then assumes plain,
/// RFC 7636 section 4.3). <c>AllowPlainTextPkce = true</c> on a client out of the control's scope (machine-to-machine,
/// or confidential under a control scoped to public clients) is not reported.
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
        var messages = OAuthSymbols.Resolve(context.Compilation, "Microsoft.IdentityModel.Protocols.AuthenticationProtocolMessage", "OpenIddict.Abstractions.OpenIddictMessage");
        var properties = OAuthSymbols.Resolve(context.Compilation, "Microsoft.AspNetCore.Authentication.AuthenticationProperties");

        // String literals and interpolated strings, each concatenation read once from its first piece.
        var constants = new ConstantMentions(context.Compilation, ConstantMentions.CodeChallengeMethod);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (OAuthRequestText.OutermostMentioning(c, constants, "code_challenge_method=") is { } operation
                    && OAuthRequestText.Read(operation) is { } text
                    && OAuthRequestText.QueryValue(text, "code_challenge_method") is { } method
                    && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                {
                    Report(c.ReportDiagnostic, c.ContainingSymbol, operation.Syntax, "code_challenge_method=" + method, "send code_challenge_method=S256 with code_challenge=BASE64URL(SHA256(code_verifier))");
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
                        if (FormParameters.Pair(element) is { Key: "code_challenge_method", Value: { } method } && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                        {
                            Report(c.ReportDiagnostic, c.ContainingSymbol, element.Syntax, "code_challenge_method=" + method, "send code_challenge_method=S256 with code_challenge=BASE64URL(SHA256(code_verifier))");
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

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "codeChallengeMethod"
                            && argument.Value.ConstantValue is { HasValue: true, Value: string method }
                            && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                        {
                            Report(c.ReportDiagnostic, c.ContainingSymbol, argument.Syntax, "CreateAuthorizeUrl(codeChallengeMethod: \"" + method + "\")", "pass codeChallengeMethod: \"S256\" with codeChallenge: BASE64URL(SHA256(codeVerifier))");
                        }
                    }
                },
                OperationKind.Invocation);
        }

        var openIddictOptions = OAuthSymbols.Resolve(context.Compilation, "OpenIddict.Server.OpenIddictServerOptions");
        if (!openIddictOptions.IsEmpty || !messages.IsEmpty || !properties.IsEmpty)
        {
            // OpenIddict has no builder method for challenge methods: "plain" is allowed through options.CodeChallengeMethods.Add.
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (PkceParameterEdit.Read(invocation, messages, properties) is { } edit)
                    {
                        ReportEdit(c, edit);
                    }
                    else if (invocation.TargetMethod.Name == "Add"
                        && invocation.Instance is IPropertyReferenceOperation { Property: { Name: "CodeChallengeMethods" } property }
                        && OAuthSymbols.Contains(openIddictOptions, property.ContainingType)
                        && invocation.Arguments.Length == 1
                        && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string method }
                        && string.Equals(method, "plain", StringComparison.OrdinalIgnoreCase))
                    {
                        Report(c.ReportDiagnostic, c.ContainingSymbol, invocation.Syntax, "OpenIddictServerOptions.CodeChallengeMethods.Add(\"" + method + "\")", "allow only CodeChallengeMethods.Sha256 (\"S256\")");
                    }
                },
                OperationKind.Invocation);
        }

        if (clients.IsEmpty && messages.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: true })
                {
                    if (PkceParameterEdit.Read(assignment, messages, properties) is { } edit)
                    {
                        ReportEdit(operationContext, edit);
                    }

                    return;
                }

                if (OAuthSymbols.AssignedProperty(assignment, clients) is not { Name: "AllowPlainTextPkce" })
                {
                    return;
                }

                foreach (var control in controls)
                {
                    if (!IdentityServerClients.InScope(assignment, control.Pkce))
                    {
                        continue;
                    }

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

        void ReportEdit(OperationAnalysisContext c, PkceParameterEdit edit)
        {
            if (edit.Key == "code_challenge_method" && (edit.Removes || string.Equals(edit.Value, "plain", StringComparison.OrdinalIgnoreCase)))
            {
                Report(c.ReportDiagnostic, c.ContainingSymbol, c.Operation.Syntax, edit.Construct, edit.Removes
                    ? "delete this edit: without code_challenge_method the server assumes plain, so keep the handler's S256"
                    : "delete this edit so the handler's code_challenge_method=S256 reaches the authorization server");
            }
        }

        void Report(Action<Diagnostic> report, ISymbol? containingSymbol, SyntaxNode syntax, string what, string instead)
        {
            foreach (var control in controls)
            {
                requirements.Report(report, DiagnosticDescriptors.PlainCodeChallenge, control, syntax.GetLocation(), containingSymbol, null, control.Id, control.Requirement, what, instead);
            }
        }
    }
}
