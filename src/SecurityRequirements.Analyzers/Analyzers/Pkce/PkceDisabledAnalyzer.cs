using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
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
/// Also reported for OpenIddict's <c>AllowAuthorizationCodeFlow()</c> when the same configuration lambda (or method body)
/// never calls <c>RequireProofKeyForCodeExchange()</c>, and for an MSAL <c>GetAuthorizationRequestUrl(...)</c> chain
/// that reaches <c>ExecuteAsync()</c> without <c>WithPkce(out verifier)</c>, and for the generic ASP.NET Core
/// <c>AddOAuth(scheme, o => ...)</c> whose lambda never sets <c>UsePkce</c> (OAuthOptions defaults it to false), and a
/// public <c>OpenIddictApplicationDescriptor</c> allowed the code grant without the <c>ft:pkce</c> requirement.
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

        var options = OAuthSymbols.Resolve(
            context.Compilation,
            "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
            "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions");
        var clients = OAuthSymbols.Resolve(context.Compilation, "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client");
        var openIddict = OAuthSymbols.Resolve(context.Compilation, "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder");
        var msalBuilders = OAuthSymbols.Resolve(context.Compilation, "Microsoft.Identity.Client.GetAuthorizationRequestUrlParameterBuilder");
        var oauthExtensions = OAuthSymbols.Resolve(context.Compilation, "Microsoft.Extensions.DependencyInjection.OAuthExtensions");
        if (!openIddict.IsEmpty || !msalBuilders.IsEmpty || !oauthExtensions.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "AllowAuthorizationCodeFlow" && OAuthSymbols.Contains(openIddict, method.ContainingType))
                    {
                        if (!CallsInSameScope(invocation, "RequireProofKeyForCodeExchange", openIddict))
                        {
                            Report(c, NameToEnd(invocation), AppendRequirePkce, "AllowAuthorizationCodeFlow() without RequireProofKeyForCodeExchange()",
                                "call .RequireProofKeyForCodeExchange() on the same server builder so the server rejects code requests without an S256 challenge");
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
                        Report(c, NameToEnd(invocation), null, "GetAuthorizationRequestUrl(...).ExecuteAsync() without WithPkce",
                            "call .WithPkce(out var codeVerifier) before ExecuteAsync() and pass the verifier to AcquireTokenByAuthorizationCode(...).WithPkceCodeVerifier(codeVerifier)");
                    }
                },
                OperationKind.Invocation);
        }

        var applicationDescriptors = OAuthSymbols.Resolve(context.Compilation, "OpenIddict.Abstractions.OpenIddictApplicationDescriptor");
        if (!applicationDescriptors.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Initializer is { } initializer
                        && OAuthSymbols.Contains(applicationDescriptors, creation.Type)
                        && IsPublicCodeClientWithoutPkce(initializer, creation))
                    {
                        Report(c, creation.Syntax.GetLocation(), null, "a public OpenIddict client with the authorization code grant and no ft:pkce requirement",
                            "add Requirements.Features.ProofKeyForCodeExchange to its Requirements (or call RequireProofKeyForCodeExchange() on the server)");
                    }
                },
                OperationKind.ObjectCreation);
        }

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

        void Report(OperationAnalysisContext c, Location location, ImmutableDictionary<string, string?>? properties, string found, string instead)
        {
            foreach (var control in controls)
            {
                requirements.Report(c.ReportDiagnostic, DiagnosticDescriptors.PkceDisabled, control, location, c.ContainingSymbol, properties, control.Id, control.Requirement, found, instead);
            }
        }
    }

    /// <summary>
    /// True for <c>new OpenIddictApplicationDescriptor { ClientType = "public", Permissions = { "gt:authorization_code" } }</c>
    /// whose enclosing lambda or method body never mentions the <c>ft:pkce</c> requirement.
    /// </summary>
    private static bool IsPublicCodeClientWithoutPkce(IObjectOrCollectionInitializerOperation initializer, IOperation creation)
    {
        var isPublic = false;
        var allowsCode = false;
        foreach (var member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ClientType" }, Value.ConstantValue: { HasValue: true, Value: string type } }:
                    isPublic = string.Equals(type, "public", System.StringComparison.OrdinalIgnoreCase);
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Permissions" }, Initializer: { } permissions }:
                    foreach (var descendant in permissions.Descendants())
                    {
                        allowsCode |= descendant.ConstantValue is { HasValue: true, Value: "gt:authorization_code" };
                    }

                    break;
            }
        }

        if (!isPublic || !allowsCode)
        {
            return false;
        }

        var scope = creation;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        foreach (var descendant in scope.Descendants())
        {
            if (descendant.ConstantValue is { HasValue: true, Value: "ft:pkce" })
            {
                return false;
            }
        }

        return true;
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

    /// <summary>From the method name to the closing parenthesis, so a long builder chain is not underlined as a whole.</summary>
    private static Location NameToEnd(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
        }

        return syntax.GetLocation();
    }

    /// <summary>
    /// True when the configuration that contains <paramref name="invocation"/> (the innermost lambda, or else the
    /// method body) also calls <paramref name="name"/> on one of <paramref name="types"/>.
    /// </summary>
    private static bool CallsInSameScope(IOperation invocation, string name, ImmutableArray<INamedTypeSymbol> types)
    {
        var scope = invocation;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        foreach (var descendant in scope.Descendants())
        {
            if (descendant is IInvocationOperation other && other.TargetMethod.Name == name && OAuthSymbols.Contains(types, other.TargetMethod.ContainingType))
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
