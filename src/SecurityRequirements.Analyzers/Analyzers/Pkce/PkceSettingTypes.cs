using System;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// The types whose PKCE settings SRA2006 reads: the ASP.NET Core handlers' options (<c>UsePkce</c>) and the
/// IdentityServer clients (<c>RequirePkce</c>, <c>AllowPlainTextPkce</c>). The attestation generator counts
/// configuration-bound PKCE settings only in a compilation that has one of them, as the analyzer reports them.
/// </summary>
internal static class PkceSettingTypes
{
    public static readonly string[] Options =
    {
        "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions",
        "Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions",
    };

    public static readonly string[] Clients = { "IdentityServer4.Models.Client", "Duende.IdentityServer.Models.Client" };

    /// <summary>Assemblies (by name prefix) that declare these types: the ASP.NET Core handlers and IdentityServer's storage.</summary>
    private static readonly string[] DeclaringAssemblyPrefixes = { "Microsoft.AspNetCore.Authentication", "IdentityServer4", "Duende.IdentityServer" };

    public static bool AnyIn(Compilation compilation)
    {
        // The first metadata-name lookup in a fresh compilation builds the type tables of every reference (a third of a
        // second on a large project), so rule the types out by assembly name and the declaration table first.
        if (!MayBeIn(compilation))
        {
            return false;
        }

        foreach (var name in Options)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        foreach (var name in Clients)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayBeIn(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var prefix in DeclaringAssemblyPrefixes)
            {
                if (assembly.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return compilation.ContainsSymbolsWithName(static name => name is "OpenIdConnectOptions" or "OAuthOptions" or "Client", SymbolFilter.Type);
    }
}
