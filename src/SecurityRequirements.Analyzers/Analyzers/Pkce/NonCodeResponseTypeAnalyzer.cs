using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2002: Use the authorization code flow.
/// </summary>
/// <remarks>
/// Reported for a constant written to ASP.NET Core <c>OpenIdConnectOptions.ResponseType</c> that is not exactly
/// <c>code</c>: the handler adds the PKCE challenge only for that value, so the implicit flow (<c>id_token</c>,
/// <c>id_token token</c>) and the hybrid flows (<c>code id_token</c>, <c>code token</c>, ...) run without PKCE.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonCodeResponseTypeAnalyzer : RequirementsAnalyzer
{
    private static readonly char[] Separators = { ' ' };

    private static readonly ImmutableDictionary<string, string?> SetCode = ImmutableDictionary<string, string?>.Empty.Add(OAuthSymbols.ReplacementProperty, "\"code\"");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonCodeResponseType);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        var options = OAuthSymbols.Resolve(context.Compilation, "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions");
        if (controls.IsEmpty || options.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: string responseType }
                    || OAuthSymbols.AssignedProperty(assignment, options) is not { Name: "ResponseType" }
                    || Classify(responseType) is not { } flow)
                {
                    return;
                }

                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.NonCodeResponseType,
                        control,
                        assignment.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        SetCode,
                        control.Id,
                        control.Requirement,
                        responseType,
                        flow);
                }
            },
            OperationKind.SimpleAssignment);
    }

    /// <summary>The flow a response type selects, or null for the plain code flow (and for values that are no flow at all).</summary>
    private static string? Classify(string responseType)
    {
        var parts = responseType.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var hasCode = false;
        var hasOther = false;
        foreach (var part in parts)
        {
            if (string.Equals(part, "code", StringComparison.Ordinal))
            {
                hasCode = true;
            }
            else if (part is "id_token" or "token")
            {
                hasOther = true;
            }
            else if (!string.Equals(part, "none", StringComparison.Ordinal))
            {
                // Not a registered response type: leave it to the server to reject rather than guess the flow.
                return null;
            }
        }

        if (!hasOther)
        {
            return null;
        }

        return hasCode ? "hybrid" : "implicit";
    }
}
