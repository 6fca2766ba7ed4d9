using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// The banned symbols of one compilation, bound once from documentation ids.
/// Lookups walk a symbol's containing types and namespaces, so banning a type bans its members.
/// </summary>
/// <remarks>
/// Every lookup compares names first (<see cref="SimpleNameSet"/>) and symbols by identity only when a name matches,
/// so the cost per operation is a few string tests whatever the compilation references. <see cref="OperationKinds"/>
/// says which operations can reach a banned symbol at all: a ban of one method needs only invocations and method references.
/// </remarks>
internal sealed class BannedSymbolSet
{
    private readonly Dictionary<ISymbol, BannedSymbol> _symbols;
    private readonly Dictionary<INamespaceSymbol, BannedSymbol> _namespaces;
    private readonly SimpleNameSet _memberNames;
    private readonly SimpleNameSet _typeNames;
    private readonly SimpleNameSet _namespaceNames;

    /// <summary>
    /// Members the compiler also calls without their name being written: by a pattern (foreach, using, await,
    /// deconstruction, collection initializers, query syntax, interpolated string handlers, list patterns) or as a delegate.
    /// </summary>
    private static readonly HashSet<string> PatternMemberNames = new(StringComparer.Ordinal)
    {
        "Add", "Dispose", "DisposeAsync", "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current",
        "Deconstruct", "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted", "UnsafeOnCompleted", "Invoke", "BeginInvoke",
        "EndInvoke", "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "GroupBy", "Cast", "AppendLiteral", "AppendFormatted", "GetPinnableReference", "Create",
        "Slice", "Length", "Count",
    };

    private BannedSymbolSet(
        Dictionary<ISymbol, BannedSymbol> symbols,
        Dictionary<INamespaceSymbol, BannedSymbol> namespaces,
        SimpleNameSet memberNames,
        SimpleNameSet typeNames,
        SimpleNameSet namespaceNames,
        ImmutableArray<OperationKind> operationKinds)
    {
        _symbols = symbols;
        _namespaces = namespaces;
        _memberNames = memberNames;
        _typeNames = typeNames;
        _namespaceNames = namespaceNames;
        OperationKinds = operationKinds;
    }

    /// <summary>True when <paramref name="name"/> is the name of a banned member.</summary>
    public bool IsMemberName(string name) => _memberNames.Contains(name);

    public bool IsEmpty => _symbols.Count == 0 && _namespaces.Count == 0;

    /// <summary>The operations that can use a banned symbol: only these are worth a callback.</summary>
    public ImmutableArray<OperationKind> OperationKinds { get; }

    public static BannedSymbolSet Bind(ImmutableArray<ControlModel> controls, Compilation compilation)
    {
        var symbols = new Dictionary<ISymbol, BannedSymbol>(SymbolEqualityComparer.Default);
        // Namespaces are bound to symbols here too, so a lookup compares symbols instead of formatting names per operation.
        var namespaces = new Dictionary<INamespaceSymbol, BannedSymbol>(SymbolEqualityComparer.Default);
        var memberNames = new SimpleNameSet();
        var typeNames = new SimpleNameSet();
        var namespaceNames = new SimpleNameSet();
        var kinds = new HashSet<OperationKind>();
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

                        namespaceNames.Add(ns.Name);
                        AddAllKinds(kinds);
                        continue;
                    }

                    if (!symbols.ContainsKey(symbol.OriginalDefinition))
                    {
                        symbols.Add(symbol.OriginalDefinition, new BannedSymbol(control, displayName));
                    }

                    switch (symbol)
                    {
                        case ITypeSymbol type:
                            typeNames.Add(type.Name);
                            AddAllKinds(kinds);
                            break;
                        case IMethodSymbol method:
                            memberNames.Add(method.Name);
                            kinds.Add(OperationKind.Invocation);
                            kinds.Add(OperationKind.MethodReference);
                            if (method.MethodKind == MethodKind.Constructor)
                            {
                                kinds.Add(OperationKind.ObjectCreation);
                            }

                            break;
                        case IPropertySymbol:
                            memberNames.Add(symbol.Name);
                            kinds.Add(OperationKind.PropertyReference);
                            break;
                        case IFieldSymbol:
                            memberNames.Add(symbol.Name);
                            kinds.Add(OperationKind.FieldReference);
                            break;
                        case IEventSymbol:
                            memberNames.Add(symbol.Name);
                            kinds.Add(OperationKind.EventReference);
                            break;
                    }
                }
            }
        }

        var ordered = new List<OperationKind>(kinds);
        ordered.Sort();
        return new BannedSymbolSet(symbols, namespaces, memberNames, typeNames, namespaceNames, ordered.ToImmutableArray());
    }

    /// <summary>True for the names the compiler also calls without their being written (<see cref="PatternMemberNames"/>).</summary>
    public static bool IsPatternMemberName(string name) => PatternMemberNames.Contains(name);

    public bool TryFind(ISymbol symbol, out BannedSymbol ban)
    {
        if (_memberNames.Contains(symbol.Name) && _symbols.TryGetValue(symbol.OriginalDefinition, out ban!))
        {
            return true;
        }

        if (_typeNames.Count > 0)
        {
            for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
            {
                if (_typeNames.Contains(type.Name) && _symbols.TryGetValue(type.OriginalDefinition, out ban!))
                {
                    return true;
                }
            }
        }

        if (_namespaces.Count > 0)
        {
            for (var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (_namespaceNames.Contains(ns.Name) && _namespaces.TryGetValue(ns, out ban!))
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
        if (_typeNames.Count > 0 || _namespaces.Count > 0)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (TryFind(current, out ban))
                {
                    return true;
                }
            }
        }

        ban = null!;
        return false;
    }

    private static void AddAllKinds(HashSet<OperationKind> kinds)
    {
        kinds.Add(OperationKind.Invocation);
        kinds.Add(OperationKind.ObjectCreation);
        kinds.Add(OperationKind.PropertyReference);
        kinds.Add(OperationKind.FieldReference);
        kinds.Add(OperationKind.EventReference);
        kinds.Add(OperationKind.MethodReference);
        kinds.Add(OperationKind.TypeOf);
    }
}
