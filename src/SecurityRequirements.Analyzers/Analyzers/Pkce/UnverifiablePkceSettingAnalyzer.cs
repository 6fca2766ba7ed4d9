using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// SRA2006: Pin PKCE settings in code.
/// </summary>
/// <remarks>
/// Reported where a PKCE switch takes a value the build cannot know, so the control cannot be verified there:
/// <list type="bullet">
/// <item>an assignment to <c>UsePkce</c> (<c>OpenIdConnectOptions</c>, <c>OAuthOptions</c> and options derived from them),
/// or to IdentityServer's <c>Client.RequirePkce</c> / <c>Client.AllowPlainTextPkce</c>, whose value is not a compile-time
/// constant (<c>bool.Parse(configuration["Oidc:UsePkce"])</c>, <c>settings.UsePkce</c>, a parameter); a client out of the
/// control's scope (<see cref="IdentityServerClients"/>) is left out;</item>
/// <item>binding those options or clients from configuration: <c>ConfigurationBinder.Bind(configuration[, key], options)</c>,
/// <c>services.Configure&lt;TOptions&gt;(configuration)</c>, <c>OptionsBuilder&lt;TOptions&gt;.Bind(...)</c> /
/// <c>BindConfiguration(...)</c>, <c>configuration.Get&lt;T&gt;()</c> / <c>Get(typeof(T))</c> where T is such options, a client,
/// or an array or collection of clients, and IdentityServer's <c>AddInMemoryClients(IConfigurationSection)</c>; unless a
/// constant <c>UsePkce = true</c> (for clients, <c>RequirePkce = true</c>) follows the binding in the same lambda or method body,
/// which pins the setting whatever the configuration says.</item>
/// </list>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnverifiablePkceSettingAnalyzer : RequirementsAnalyzer
{
    private const string ValueInstead = "write {0} = {1} as a constant, or waive this place in security_requirements.yaml with a justification";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnverifiablePkceSetting);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.OAuthPkce);
        if (controls.IsEmpty)
        {
            return;
        }

        var compilation = context.Compilation;
        var options = OAuthSymbols.Resolve(compilation, PkceSettingTypes.Options);
        var clients = OAuthSymbols.Resolve(compilation, PkceSettingTypes.Clients);
        if (options.IsEmpty && clients.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Value.ConstantValue.HasValue)
                {
                    return;
                }

                if (OAuthSymbols.AssignedProperty(assignment, options) is { Name: "UsePkce" } usePkce)
                {
                    Report(c, assignment.Syntax.GetLocation(), usePkce.ContainingType.Name + ".UsePkce is set from a value known only at run time",
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, ValueInstead, "UsePkce", "true"), null);
                }
                else if (OAuthSymbols.AssignedProperty(assignment, clients) is { Name: "RequirePkce" or "AllowPlainTextPkce" } property)
                {
                    Report(c, assignment.Syntax.GetLocation(), "Client." + property.Name + " is set from a value known only at run time",
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, ValueInstead, property.Name, property.Name == "RequirePkce" ? "true" : "false"),
                        assignment);
                }
            },
            OperationKind.SimpleAssignment);

        var binder = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.Configuration.ConfigurationBinder");
        var configureExtensions = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions");
        var builderExtensions = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");
        var configurationSection = OAuthSymbols.Resolve(compilation, "Microsoft.Extensions.Configuration.IConfigurationSection");
        if (binder.IsEmpty && configureExtensions.IsEmpty && builderExtensions.IsEmpty && configurationSection.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                var bound = method.Name switch
                {
                    "Bind" when OAuthSymbols.Contains(binder, method.ContainingType) => BoundInstance(invocation),
                    "Get" when OAuthSymbols.Contains(binder, method.ContainingType) => method.IsGenericMethod ? method.TypeArguments[0] : TypeOfArgument(invocation),
                    "Configure" when OAuthSymbols.Contains(configureExtensions, method.ContainingType) && method.IsGenericMethod => method.TypeArguments[0],
                    "Bind" or "BindConfiguration" when OAuthSymbols.Contains(builderExtensions, method.ContainingType) && method.IsGenericMethod => method.TypeArguments[0],
                    "AddInMemoryClients" when TakesSection(method, configurationSection) => clients.IsEmpty ? null : clients[0],
                    _ => null,
                };
                if (bound is null)
                {
                    return;
                }

                if (IsOrDerives(bound, options))
                {
                    if (!PinnedAfter(invocation, options, "UsePkce"))
                    {
                        Report(c, OAuthSymbols.NameToEnd(invocation), method.Name + "(...) binds " + bound.Name + ", UsePkce included, from configuration",
                            "set UsePkce = true after the binding (later in the same lambda or method, or in PostConfigure) so configuration cannot turn PKCE off", null);
                    }
                }
                else if (IsClients(bound, clients) && !PinnedAfter(invocation, clients, "RequirePkce"))
                {
                    Report(c, OAuthSymbols.NameToEnd(invocation), method.Name + "(...) loads IdentityServer clients, RequirePkce and AllowPlainTextPkce included, from configuration",
                        "define the clients in code with RequirePkce = true, or set RequirePkce = true on every loaded client", null);
                }
            },
            OperationKind.Invocation);

        void Report(OperationAnalysisContext c, Location location, string found, string instead, ISimpleAssignmentOperation? clientAssignment)
        {
            foreach (var control in controls)
            {
                if (clientAssignment is null || IdentityServerClients.InScope(clientAssignment, control.Pkce))
                {
                    requirements.Report(c.ReportDiagnostic, DiagnosticDescriptors.UnverifiablePkceSetting, control, location, c.ContainingSymbol, null, control.Id, control.Requirement, found, instead);
                }
            }
        }
    }

    /// <summary>The static type of the object <c>Bind(configuration[, key], instance)</c> fills.</summary>
    private static ITypeSymbol? BoundInstance(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "instance" })
            {
                return OAuthSymbols.WithoutConversions(argument.Value).Type;
            }
        }

        return null;
    }

    /// <summary>T of <c>Get(configuration, typeof(T))</c>.</summary>
    private static ITypeSymbol? TypeOfArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (OAuthSymbols.WithoutConversions(argument.Value) is ITypeOfOperation typeOf)
            {
                return typeOf.TypeOperand;
            }
        }

        return null;
    }

    private static bool TakesSection(IMethodSymbol method, ImmutableArray<INamedTypeSymbol> section)
    {
        foreach (var parameter in method.Parameters)
        {
            if (OAuthSymbols.Contains(section, parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrDerives(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> types)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (OAuthSymbols.Contains(types, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A client, an array of clients, or a generic collection of clients (<c>List&lt;Client&gt;</c>).</summary>
    private static bool IsClients(ITypeSymbol type, ImmutableArray<INamedTypeSymbol> clients) => type switch
    {
        IArrayTypeSymbol array => IsOrDerives(array.ElementType, clients),
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Length == 1 && IsOrDerives(generic.TypeArguments[0], clients),
        _ => IsOrDerives(type, clients),
    };

    /// <summary>True when the same lambda or method body later assigns the constant true to <paramref name="property"/> on one of <paramref name="types"/>.</summary>
    private static bool PinnedAfter(IInvocationOperation invocation, ImmutableArray<INamedTypeSymbol> types, string property)
    {
        var start = invocation.Syntax.SpanStart;
        foreach (var descendant in OAuthSymbols.ConfigurationScope(invocation).Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: true } } assignment
                && assignment.Syntax.SpanStart > start
                && assignment.Target is IPropertyReferenceOperation { Property: { } assigned }
                && assigned.Name == property
                && IsOrDerives(assigned.ContainingType, types))
            {
                return true;
            }
        }

        return false;
    }
}
