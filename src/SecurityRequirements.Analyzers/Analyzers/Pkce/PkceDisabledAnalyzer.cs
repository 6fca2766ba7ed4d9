using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
/// IdentityServer <c>Client.RequirePkce</c> (IdentityServer4 and Duende, matched by full name) unless the client is out
/// of the control's scope (<see cref="IdentityServerClients"/>: a machine-to-machine client, or a confidential client
/// under a control scoped to public clients). Assignments in object initialisers, configuration lambdas and plain
/// statements are all simple assignments to the property. A value computed at run time is SRA2006's.
/// Also reported for OpenIddict's <c>AllowAuthorizationCodeFlow()</c> when the same configuration lambda (or method body)
/// never calls <c>RequireProofKeyForCodeExchange()</c>, unless the compilation defines its code-flow clients and every
/// one in scope carries the per-client <c>ft:pkce</c> requirement; for an <c>OpenIddictApplicationDescriptor</c> in scope
/// allowed the code grant without that requirement; for an MSAL <c>GetAuthorizationRequestUrl(...)</c> chain that
/// reaches <c>ExecuteAsync()</c> without <c>WithPkce(out verifier)</c>; for the generic ASP.NET Core
/// <c>AddOAuth(scheme, o => ...)</c> whose lambda never sets <c>UsePkce</c> (OAuthOptions defaults it to false); and for an
/// event handler that removes <c>code_challenge</c> or <c>code_verifier</c> from the protocol message (or nulls it), or the
/// code verifier from the handler's properties (<see cref="PkceParameterEdit"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PkceDisabledAnalyzer : RequirementsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PkceDisabled);

    /// <summary>Set on OpenIddict diagnostics: the fix appends <c>.RequireProofKeyForCodeExchange()</c> to the reported call.</summary>
    public const string AppendRequirePkceProperty = "AppendRequirePkce";

    private static readonly ImmutableDictionary<string, string?> SetTrue = ImmutableDictionary<string, string?>.Empty.Add(OAuthSymbols.ReplacementProperty, "true");

    private static readonly ImmutableDictionary<string, string?> AppendRequirePkce = ImmutableDictionary<string, string?>.Empty.Add(AppendRequirePkceProperty, "true");

    /// <summary>Set on AddOAuth diagnostics: the fix adds <c>o.UsePkce = true;</c> to the configuration lambda.</summary>
    public const string AddUsePkceProperty = "AddUsePkce";

    private static readonly ImmutableDictionary<string, string?> AddUsePkce = ImmutableDictionary<string, string?>.Empty.Add(AddUsePkceProperty, "true");

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var compilation = context.Compilation;
        var options = OAuthSymbols.Resolve(
            compilation,
            "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
            "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions");
        var clients = OAuthSymbols.Resolve(compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        var openIddict = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder");
        var msalBuilders = OAuthSymbols.Resolve(compilation, "Microsoft.Identity.Client.GetAuthorizationRequestUrlParameterBuilder");
        var oauthExtensions = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OAuthExtensions");
        var messages = OAuthSymbols.Resolve(compilation, "Microsoft.IdentityModel.Protocols.AuthenticationProtocolMessage", "OpenIddict.Abstractions.OpenIddictMessage");
        var properties = OAuthSymbols.Resolve(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationProperties");

        // The OpenIddict application descriptors of the whole compilation, read once and only when a server allows the code flow without PKCE.
        var survey = new Lazy<ImmutableArray<OpenIddictClientShape>>(() => OpenIddictClientShape.Survey(compilation, context.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

        if (!openIddict.IsEmpty || !msalBuilders.IsEmpty || !oauthExtensions.IsEmpty || !messages.IsEmpty || !properties.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "AllowAuthorizationCodeFlow" && OAuthSymbols.Contains(openIddict, method.ContainingType))
                    {
                        if (!OAuthSymbols.CallsInScope(OAuthSymbols.ConfigurationScope(invocation), "RequireProofKeyForCodeExchange", openIddict))
                        {
                            Report(c, OAuthSymbols.NameToEnd(invocation), AppendRequirePkce, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()",
                                "call .RequireProofKeyForCodeExchange() on the same server builder so the server rejects code requests without an S256 challenge",
                                control => !EveryCodeClientRequiresPkce(survey.Value, control.Pkce));
                        }
                    }
                    else if (method.Name == "AddOAuth" && !method.IsGenericMethod && OAuthSymbols.Contains(oauthExtensions, method.ContainingType)
                        && ConfigureLambda(invocation) is { } configure
                        && !AssignsUsePkce(configure, options))
                    {
                        Report(c, NameOnly(invocation), configure.Symbol.Parameters.Length == 1 ? AddUsePkce : null, "AddOAuth(...) without UsePkce = true (OAuthOptions.UsePkce defaults to false)",
                            "set UsePkce = true in the configuration lambda so the handler sends an S256 code challenge");
                    }
                    else if (method.Name == "GetAuthorizationRequestUrl" && OAuthSymbols.Contains(msalBuilders, method.ReturnType) && ExecutesWithoutPkce(invocation))
                    {
                        Report(c, OAuthSymbols.NameToEnd(invocation), null, "GetAuthorizationRequestUrl(...).ExecuteAsync() without WithPkce",
                            "call .WithPkce(out var codeVerifier) before ExecuteAsync() and pass the verifier to AcquireTokenByAuthorizationCode(...).WithPkceCodeVerifier(codeVerifier)");
                    }
                    else
                    {
                        ReportEdit(c, PkceParameterEdit.Read(invocation, messages, properties));
                    }
                },
                OperationKind.Invocation);
        }

        var applicationDescriptors = OAuthSymbols.Resolve(compilation, "OpenIddict.Abstractions.OpenIddictApplicationDescriptor");
        if (!applicationDescriptors.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (OAuthSymbols.Contains(applicationDescriptors, creation.Type)
                        && creation.Syntax is BaseObjectCreationExpressionSyntax syntax
                        && OpenIddictClientShape.Read(syntax) is { AllowsCode: true, RequiresPkce: false } shape)
                    {
                        Report(c, creation.Syntax.GetLocation(), null,
                            "a " + (shape.Confidential ? "confidential" : "public") + " OpenIddict client with the authorization code grant and no ft:pkce requirement",
                            "add Requirements.Features.ProofKeyForCodeExchange to its Requirements (or call RequireProofKeyForCodeExchange() on the server)",
                            control => control.Pkce.Covers(shape.Confidential));
                    }
                },
                OperationKind.ObjectCreation);
        }

        if (options.IsEmpty && clients.IsEmpty && messages.IsEmpty && properties.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Value.ConstantValue is not { HasValue: true, Value: false })
                {
                    ReportEdit(c, PkceParameterEdit.Read(assignment, messages, properties));
                    return;
                }

                if (OAuthSymbols.AssignedProperty(assignment, options) is { Name: "UsePkce" } usePkce)
                {
                    Report(c, assignment.Syntax.GetLocation(), SetTrue, usePkce.ContainingType.Name + ".UsePkce = false",
                        "set UsePkce = true so the handler sends an S256 code challenge and redeems the code with its verifier");
                }
                else if (OAuthSymbols.AssignedProperty(assignment, clients) is { Name: "RequirePkce" })
                {
                    Report(c, assignment.Syntax.GetLocation(), SetTrue, "Client.RequirePkce = false",
                        "set RequirePkce = true so the server rejects authorization requests without a code challenge",
                        control => IdentityServerClients.InScope(assignment, control.Pkce));
                }
            },
            OperationKind.SimpleAssignment);

        void ReportEdit(OperationAnalysisContext c, PkceParameterEdit? edit)
        {
            if (edit is { Removes: true, Key: "code_challenge" or "code_verifier" } removal)
            {
                Report(c, c.Operation.Syntax.GetLocation(), null, removal.Construct,
                    removal.Key == "code_challenge"
                        ? "delete this edit so the handler's S256 code_challenge reaches the authorization server"
                        : "delete this edit so the handler sends the code_verifier with the token request");
            }
        }

        void Report(OperationAnalysisContext c, Location location, ImmutableDictionary<string, string?>? properties, string found, string instead, Func<ControlModel, bool>? applies = null)
        {
            foreach (var control in controls)
            {
                if (applies is null || applies(control))
                {
                    requirements.Report(c.ReportDiagnostic, DiagnosticDescriptors.PkceDisabled, control, location, c.ContainingSymbol, properties, control.Id, control.Requirement, found, instead);
                }
            }
        }
    }

    /// <summary>
    /// True when the compilation defines its code-flow clients and every one a control with <paramref name="parameters"/>
    /// covers carries the per-client PKCE requirement, so the server-wide requirement is not needed.
    /// </summary>
    private static bool EveryCodeClientRequiresPkce(ImmutableArray<OpenIddictClientShape> survey, PkceParameters parameters)
    {
        var anyCodeClient = false;
        foreach (var client in survey)
        {
            if (!client.AllowsCode)
            {
                continue;
            }

            anyCodeClient = true;
            if (!client.RequiresPkce && parameters.Covers(client.Confidential))
            {
                return false;
            }
        }

        return anyCodeClient;
    }

    /// <summary>The method name of a call, for calls whose arguments are long lambdas.</summary>
    private static Location NameOnly(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();

    /// <summary>The lambda passed as the Action&lt;TOptions&gt; argument; null for a method group or a delegate variable.</summary>
    private static IAnonymousFunctionOperation? ConfigureLambda(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (OAuthSymbols.WithoutConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                return lambda;
            }
        }

        return null;
    }

    /// <summary>True when the lambda writes UsePkce at all: a false value is reported on its own, a computed one is the author's choice.</summary>
    private static bool AssignsUsePkce(IAnonymousFunctionOperation lambda, ImmutableArray<INamedTypeSymbol> options)
    {
        foreach (var descendant in lambda.Body.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation assignment && OAuthSymbols.AssignedProperty(assignment, options) is { Name: "UsePkce" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the fluent chain that starts at <paramref name="invocation"/> reaches ExecuteAsync without WithPkce.
    /// A builder stored in a variable is not followed, so it is not reported.
    /// </summary>
    private static bool ExecutesWithoutPkce(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is IInvocationOperation next && next.Instance == current)
        {
            switch (next.TargetMethod.Name)
            {
                case "WithPkce":
                    return false;
                case "ExecuteAsync":
                    return true;
            }

            current = next;
        }

        return false;
    }
}
