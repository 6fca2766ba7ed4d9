using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Whether an OAuth parameter name can reach a string or a form dictionary through a named constant: only when the
/// name is written somewhere in this compilation's source, or the compilation references an OAuth or OpenID Connect
/// library (whose constants it could be). Decided once per compilation, on first need. Each file's text is searched
/// once for all the names and the answer is kept with the file, so an edit searches only the edited file again.
/// String expressions whose own text names no parameter are then never bound in other projects, and form
/// initialisers are not listened to there.
/// </summary>
internal sealed class ConstantMentions
{
    public const int ResponseType = 1;
    public const int GrantType = 2;
    public const int CodeChallengeMethod = 4;

    private const int Unknown = 0;
    private const int No = 1;
    private const int Yes = 2;

    /// <summary>The names, bit i for name i; a constant may hold a name without its '=' (ResponseType + "=code").</summary>
    private static readonly string[] Names = { "response_type", "grant_type", "code_challenge_method" };

    /// <summary>Assembly name parts of the libraries that define OAuth parameter constants.</summary>
    private static readonly string[] OAuthLibraryNames = { "IdentityModel", "IdentityServer", "OpenIddict", "OAuth", "OpenId", "Authentication", "Identity.Client" };

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<int>> NamesByTree = new();

    private readonly Compilation _compilation;
    private readonly int _names;
    private int _state;

    /// <param name="compilation">The compilation whose source and references are searched.</param>
    /// <param name="names">The names that matter, as a combination of <see cref="ResponseType"/>, <see cref="GrantType"/> and <see cref="CodeChallengeMethod"/>.</param>
    public ConstantMentions(Compilation compilation, int names)
    {
        _compilation = compilation;
        _names = names;
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
            if ((NamesIn(tree, cancellationToken) & _names) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int NamesIn(SyntaxTree tree, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return NamesByTree.GetValue(tree, static t => new StrongBox<int>(TextScan.FindAll(t.GetText(), Names))).Value;
    }
}
