using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Whether a named constant used in a string expression may spell out one of the needles: only when the needle's
/// parameter name is written somewhere in this compilation's source, or the compilation references an OAuth or OpenID Connect library
/// (whose constants it could be). Decided once per compilation, on first need, by an ordinal search of the source
/// texts; string expressions whose own text does not mention a needle are then never bound in other projects.
/// </summary>
internal sealed class ConstantMentions
{
    private const int Unknown = 0;
    private const int No = 1;
    private const int Yes = 2;

    /// <summary>Assembly name parts of the libraries that define OAuth parameter constants.</summary>
    private static readonly string[] OAuthLibraryNames = { "IdentityModel", "IdentityServer", "OpenIddict", "OAuth", "OpenId", "Authentication", "Identity.Client" };

    private readonly Compilation _compilation;
    private readonly string[] _needles;
    private int _state;

    public ConstantMentions(Compilation compilation, params string[] needles)
    {
        _compilation = compilation;

        // A constant may hold the parameter's name alone, its '=' written elsewhere (ResponseType + "=code").
        _needles = new string[needles.Length];
        for (var i = 0; i < needles.Length; i++)
        {
            _needles[i] = needles[i].TrimEnd('=');
        }
    }

    public bool Possible(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state == Unknown)
        {
            // Two threads may both decide; the answer is the same.
            state = Decide(cancellationToken) ? Yes : No;
            Volatile.Write(ref _state, state);
        }

        return state == Yes;
    }

    private bool Decide(CancellationToken cancellationToken)
    {
        foreach (var name in _compilation.ReferencedAssemblyNames)
        {
            foreach (var library in OAuthLibraryNames)
            {
                if (name.Name.IndexOf(library, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (TextScan.ContainsAny(tree.GetText(cancellationToken), _needles))
            {
                return true;
            }
        }

        return false;
    }
}
