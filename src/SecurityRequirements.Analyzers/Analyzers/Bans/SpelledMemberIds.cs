using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// Reads from the documentation ids alone, before anything is bound, whether every banned symbol is a member that code
/// can use only by writing its name, and which names those are. Then a file that spells none of them cannot use a
/// banned symbol, and the ids are bound only once a file does: by then the compiler has loaded what they name.
/// </summary>
/// <remarks>
/// The test is stricter than the one on bound symbols (<see cref="BannedSymbolSet"/>): an id it accepts always binds to
/// an ordinary method, a property that is no indexer, a field or an event whose name no pattern uses. Anything else
/// (types, namespaces, constructors, operators, accessors, explicit implementations, finalizers, indexers, the pattern
/// names) sends every ban back to the operation callbacks.
/// </remarks>
internal static class SpelledMemberIds
{
    /// <summary>The banned members' simple names, sorted, or null when some ban can be used without its name being written.</summary>
    public static string[]? NamesOf(ImmutableArray<ControlModel> controls)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            foreach (var id in control.Banned!.Symbols)
            {
                if (NameOf(id.Value) is not { } name)
                {
                    return null;
                }

                names.Add(name);
            }
        }

        if (names.Count == 0)
        {
            return null;
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    /// <summary>"M:System.Convert.FromBase64String(System.String)" → "FromBase64String"; null when the id is not of a spelled-only member.</summary>
    public static string? NameOf(string id)
    {
        if (id.Length < 3 || id[1] != ':' || id[0] is not ('M' or 'P' or 'F' or 'E'))
        {
            return null;
        }

        var parameters = id.IndexOf('(');
        if (parameters >= 0 && id[0] != 'M')
        {
            // A property with parameters is an indexer, used by element access.
            return null;
        }

        var end = parameters >= 0 ? parameters : id.IndexOf('~') is var returnType and >= 0 ? returnType : id.Length;
        var start = id.LastIndexOf('.', end - 1) + 1;
        if (start <= 2)
        {
            return null;
        }

        var arity = id.IndexOf("``", start, end - start, StringComparison.Ordinal);
        var name = id.Substring(start, (arity >= 0 ? arity : end) - start);
        return IsSpelledOnly(id[0], name) ? name : null;
    }

    private static bool IsSpelledOnly(char kind, string name)
    {
        if (name.Length == 0 || name.IndexOf('#') >= 0 || name.IndexOf('`') >= 0 || BannedSymbolSet.IsPatternMemberName(name))
        {
            return false;
        }

        return kind != 'M'
            || !(name.StartsWith("op_", StringComparison.Ordinal)
                || name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)
                || name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal)
                || name.StartsWith("raise_", StringComparison.Ordinal)
                || name == "Finalize");
    }
}
