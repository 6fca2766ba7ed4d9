using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Reads an IdentityServer (Duende or IdentityServer4) <c>new Client { ... }</c> initialiser around a PKCE setting, to
/// tell whether the setting matters: PKCE protects the authorization code flow only, so a machine-to-machine client
/// (<c>GrantTypes.ClientCredentials</c>) is out of scope, and a control scoped to public clients leaves confidential
/// ones out. IdentityServer requires a client secret unless <c>RequireClientSecret = false</c>, so a client that does not
/// say so is confidential. A setting written outside an initialiser (<c>client.RequirePkce = false;</c>) tells neither,
/// and stays in scope.
/// </summary>
internal static class IdentityServerClients
{
    /// <summary>True when a control with <paramref name="parameters"/> requires PKCE of the client that <paramref name="assignment"/> configures.</summary>
    public static bool InScope(ISimpleAssignmentOperation assignment, PkceParameters parameters)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation initializer)
        {
            return true;
        }

        return AllowsCodeFlow(initializer) && parameters.Covers(IsConfidential(initializer));
    }

    /// <summary>True unless the initialiser says <c>RequireClientSecret = false</c> (or computes it).</summary>
    private static bool IsConfidential(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RequireClientSecret" } } assignment)
            {
                return assignment.Value.ConstantValue is { HasValue: true, Value: true };
            }
        }

        return true;
    }

    /// <summary>
    /// False only when the initialiser's <c>AllowedGrantTypes</c> names grant types and none of them is the
    /// authorization code or hybrid grant; true when it names none we can read, or is absent (it may be set later).
    /// </summary>
    private static bool AllowsCodeFlow(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var member in initializer.Initializers)
        {
            var value = member switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "AllowedGrantTypes" } } assignment => assignment.Value,
                IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "AllowedGrantTypes" } } collection => collection.Initializer,
                _ => null,
            };
            if (value is not null)
            {
                return NamesCodeGrant(value);
            }
        }

        return true;
    }

    private static bool NamesCodeGrant(IOperation value)
    {
        var named = false;
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "GrantTypes" } property })
            {
                named = true;
                if (property.Name.Contains("Code") || property.Name.Contains("Hybrid"))
                {
                    return true;
                }
            }
            else if (operation.ConstantValue is { HasValue: true, Value: string grant })
            {
                named = true;
                if (grant is "authorization_code" or "hybrid")
                {
                    return true;
                }
            }
        }

        return !named;
    }
}
