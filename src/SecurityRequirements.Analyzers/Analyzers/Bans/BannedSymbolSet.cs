using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// The banned symbols of one compilation, bound once at compilation start from documentation ids.
/// Lookups walk a symbol's containing types and namespaces, so banning a type bans its members.
/// </summary>
internal sealed class BannedSymbolSet
{
    private readonly Dictionary<ISymbol, BannedSymbol> _symbols;
    private readonly Dictionary<INamespaceSymbol, BannedSymbol> _namespaces;

    private BannedSymbolSet(Dictionary<ISymbol, BannedSymbol> symbols, Dictionary<INamespaceSymbol, BannedSymbol> namespaces)
    {
        _symbols = symbols;
        _namespaces = namespaces;
    }

    public bool IsEmpty => _symbols.Count == 0 && _namespaces.Count == 0;

    public static BannedSymbolSet Bind(ImmutableArray<ControlModel> controls, Compilation compilation)
    {
        var symbols = new Dictionary<ISymbol, BannedSymbol>(SymbolEqualityComparer.Default);
        // Namespaces are bound to symbols here too, so a lookup compares symbols instead of formatting names per operation.
        var namespaces = new Dictionary<INamespaceSymbol, BannedSymbol>(SymbolEqualityComparer.Default);
        foreach (var control in controls)
        {
            foreach (var id in control.Banned!.Symbols)
            {
                var displayName = id.Value.Substring(2);
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id.Value, compilation))
                {
                    if (symbol is INamespaceSymbol ns)
                    {
                        // A symbol's ContainingNamespace is its assembly's (or module's) namespace, not the merged
                        // compilation namespace the id binds to, so register every constituent.
                        foreach (var part in ns.ConstituentNamespaces.Add(ns))
                        {
                            if (!namespaces.ContainsKey(part))
                            {
                                namespaces.Add(part, new BannedSymbol(control, displayName));
                            }
                        }
                    }
                    else if (!symbols.ContainsKey(symbol.OriginalDefinition))
                    {
                        symbols.Add(symbol.OriginalDefinition, new BannedSymbol(control, displayName));
                    }
                }
            }
        }

        return new BannedSymbolSet(symbols, namespaces);
    }

    public bool TryFind(ISymbol symbol, out BannedSymbol ban)
    {
        for (ISymbol? current = symbol.OriginalDefinition; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (_symbols.TryGetValue(current.OriginalDefinition, out ban!))
            {
                return true;
            }
        }

        if (_namespaces.Count > 0)
        {
            for (var ns = symbol.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (_namespaces.TryGetValue(ns, out ban!))
                {
                    return true;
                }
            }
        }

        ban = null!;
        return false;
    }

    /// <summary>A created type is banned when it or a base type is, so banning MD5 also bans MD5CryptoServiceProvider.</summary>
    public bool TryFindCreatedType(ITypeSymbol type, out BannedSymbol ban)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (TryFind(current, out ban))
            {
                return true;
            }
        }

        ban = null!;
        return false;
    }
}
