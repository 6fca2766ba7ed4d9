using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// Joins, within one compilation, the parameters that become a token lifetime (sinks) with the constant arguments
/// passed to them (sources), whichever the analyzer meets first: each pair is handed to the callback exactly once,
/// by the side that completes it, with that side's report action (a diagnostic may lie in another file: Roslyn
/// files it as non-local). Kept per compilation start, so no state outlives a compilation.
/// </summary>
internal sealed class LifetimeParameterJoin<TSink, TSource>
{
    private readonly object _gate = new();
    private readonly Dictionary<IParameterSymbol, List<TSink>> _sinks = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IParameterSymbol, List<TSource>> _sources = new(SymbolEqualityComparer.Default);

    public void AddSink(IParameterSymbol parameter, TSink sink, Action<Diagnostic> report, Action<TSink, TSource, Action<Diagnostic>> onPair)
    {
        List<TSource>? matched;
        lock (_gate)
        {
            Add(_sinks, parameter, sink);
            matched = _sources.TryGetValue(parameter, out var sources) ? new List<TSource>(sources) : null;
        }

        if (matched is not null)
        {
            foreach (var source in matched)
            {
                onPair(sink, source, report);
            }
        }
    }

    public void AddSource(IParameterSymbol parameter, TSource source, Action<Diagnostic> report, Action<TSink, TSource, Action<Diagnostic>> onPair)
    {
        List<TSink>? matched;
        lock (_gate)
        {
            Add(_sources, parameter, source);
            matched = _sinks.TryGetValue(parameter, out var sinks) ? new List<TSink>(sinks) : null;
        }

        if (matched is not null)
        {
            foreach (var sink in matched)
            {
                onPair(sink, source, report);
            }
        }
    }

    private static void Add<T>(Dictionary<IParameterSymbol, List<T>> map, IParameterSymbol parameter, T item)
    {
        if (!map.TryGetValue(parameter, out var list))
        {
            list = new List<T>();
            map.Add(parameter, list);
        }

        list.Add(item);
    }
}
