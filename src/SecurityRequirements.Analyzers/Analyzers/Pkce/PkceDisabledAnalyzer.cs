using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2001: Require PKCE for the authorization code flow.
/// </summary>
/// <remarks>
/// Reported for constant <c>false</c> written to ASP.NET Core <c>OpenIdConnectOptions.UsePkce</c> /
/// <c>OAuthOptions.UsePkce</c> (and options derived from them, such as Google or Microsoft account options), and to
/// IdentityServer <c>Client.RequirePkce</c> (IdentityServer4 and Duende, matched by full name). Assignments in
/// object initialisers, configuration lambdas and plain statements are all simple assignments to the property.
/// A value computed at run time is not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PkceDisabledAnalyzer : RequirementsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PkceDisabled);

    private static readonly ImmutableDictionary<string, string?> SetTrue = ImmutableDictionary<string, string?>.Empty.Add(OAuthSymbols.ReplacementProperty, "true");

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var options = OAuthSymbols.Resolve(
            context.Compilation,
            "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
            "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions");
        var clients = OAuthSymbols.Resolve(context.Compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        if (options.IsEmpty && clients.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var assignment = (ISimpleAssignmentOperation)operationContext.Operation;
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: false })
                {
                    return;
                }

                string found;
                string instead;
                if (OAuthSymbols.AssignedProperty(assignment, options) is { Name: "UsePkce" } usePkce)
                {
                    found = usePkce.ContainingType.Name + ".UsePkce = false";
                    instead = "set UsePkce = true so the handler sends an S256 code challenge and redeems the code with its verifier";
                }
                else if (OAuthSymbols.AssignedProperty(assignment, clients) is { Name: "RequirePkce" })
                {
                    found = "Client.RequirePkce = false";
                    instead = "set RequirePkce = true so the server rejects authorization requests without a code challenge";
                }
                else
                {
                    return;
                }

                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.PkceDisabled,
                        control,
                        assignment.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        SetTrue,
                        control.Id,
                        control.Requirement,
                        found,
                        instead);
                }
            },
            OperationKind.SimpleAssignment);
    }
}
