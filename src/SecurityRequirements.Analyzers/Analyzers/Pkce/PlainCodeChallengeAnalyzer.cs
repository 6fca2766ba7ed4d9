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
/// Reported for IdentityServer <c>Client.AllowPlainTextPkce = true</c> (IdentityServer4 and Duende, matched by full name).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlainCodeChallengeAnalyzer : RequirementsAnalyzer
{
    private static readonly ImmutableDictionary<string, string?> SetFalse = ImmutableDictionary<string, string?>.Empty.Add(OAuthSymbols.ReplacementProperty, "false");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PlainCodeChallenge);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        var clients = OAuthSymbols.Resolve(context.Compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        if (controls.IsEmpty || clients.IsEmpty)
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
    }
}
