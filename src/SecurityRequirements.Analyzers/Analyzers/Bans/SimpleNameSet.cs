using System;
using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// A small set of symbol names tested before any symbol comparison: most lookups are ruled out by the name's length
/// (one bit test), the rest by an ordinal hash lookup, so the hot path never compares symbols for a name that cannot match.
/// </summary>
internal sealed class SimpleNameSet
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private ulong _lengths;

    public int Count => _names.Count;

    public void Add(string name)
    {
        if (_names.Add(name))
        {
            _lengths |= 1UL << (name.Length & 63);
        }
    }

    public bool Contains(string name) => (_lengths & (1UL << (name.Length & 63))) != 0 && _names.Contains(name);
}
