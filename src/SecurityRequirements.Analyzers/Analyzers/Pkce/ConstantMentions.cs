using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Whether an OAuth parameter name can reach a string or a form dictionary through a named constant: only when the
/// name is written somewhere in this compilation's source, or the compilation references an OAuth or OpenID Connect
/// library (whose constants it could be). Decided once per compilation for every analyzer that asks. Each file's text is
/// searched once for all the names and the answer is kept with the file, so an edit searches only the edited file again.
/// String expressions whose own text names no parameter are then never bound in other projects, and form
/// initialisers are not listened to there.
/// </summary>
internal sealed class ConstantMentions
{
    public const int ResponseType = 1;
    public const int GrantType = 2;
    public const int CodeChallengeMethod = 4;

    /// <summary>The names, bit i for name i; a constant may hold a name without its '=' (ResponseType + "=code").</summary>
    private static readonly string[] Names = { "response_type", "grant_type", "code_challenge_method" };

    /// <summary>Assembly name parts of the libraries that define OAuth parameter constants.</summary>
    private static readonly string[] OAuthLibraryNames = { "IdentityModel", "IdentityServer", "OpenIddict", "OAuth", "OpenId", "Authentication", "Identity.Client" };

    private const int AllNames = ResponseType | GrantType | CodeChallengeMethod;

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<int>> NamesByTree = new();

    /// <summary>
    /// The names per compilation, shared by the analyzers that ask: the first one decides, the others wait for its answer
    /// instead of searching the same files at the same time.
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, Lazy<int>> NamesByCompilation = new();

    private readonly Compilation _compilation;
    private readonly int _names;

    /// <param name="compilation">The compilation whose source and references are searched.</param>
    /// <param name="names">The names that matter, as a combination of <see cref="ResponseType"/>, <see cref="GrantType"/> and <see cref="CodeChallengeMethod"/>.</param>
    public ConstantMentions(Compilation compilation, int names)
    {
        _compilation = compilation;
        _names = names;
    }

    public bool Possible(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (NamesByCompilation.GetValue(_compilation, static c => new Lazy<int>(() => NamesIn(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value & _names) != 0;
    }

    private static int NamesIn(Compilation compilation)
    {
        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            foreach (var library in OAuthLibraryNames)
            {
                if (name.Name.IndexOf(library, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return AllNames;
                }
            }
        }

        var names = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The attestation quotes the policy, whose OAuth control has a code_challenge_method parameter.
            if (OwnGeneratedFiles.Contains(tree))
            {
                continue;
            }

            names |= NamesIn(tree);
            if (names == AllNames)
            {
                break;
            }
        }

        return names;
    }

    private static int NamesIn(SyntaxTree tree) =>
        NamesByTree.GetValue(tree, static t => new StrongBox<int>(TextScan.FindAll(t.GetText(), Names))).Value;
}
