using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Which assemblies can hold members that carry a personal-data attribute, decided once per compilation so that
/// the classifier asks a member for its attributes (which decodes them) only where one can be. An assembly can use
/// an attribute type only from itself or from an assembly it references; the attribute types are the configured
/// ones (found by simple or full name in the compilation and its references), DataClassificationAttribute, and
/// their subclasses, which live in assemblies that reference them.
/// </summary>
internal sealed class AttributeScope
{
    private readonly HashSet<string> _assemblies;
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _possible = new(SymbolEqualityComparer.Default);

    public AttributeScope(Compilation compilation, ImmutableHashSet<string> attributeNames, INamedTypeSymbol? dataClassification)
    {
        var defining = new HashSet<string>(StringComparer.Ordinal);
        if (dataClassification is not null)
        {
            defining.Add(dataClassification.ContainingAssembly.Identity.Name);
        }

        var simpleNames = new List<string>();
        foreach (var name in attributeNames)
        {
            var dot = name.LastIndexOf('.');
            if (dot >= 0)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    defining.Add(type.ContainingAssembly.Identity.Name);
                }

                simpleNames.Add(name.Substring(dot + 1));
            }
            else
            {
                simpleNames.Add(name);
            }
        }

        if (compilation.ContainsSymbolsWithName(n => simpleNames.Contains(n), SymbolFilter.Type))
        {
            defining.Add(compilation.Assembly.Identity.Name);
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && DefinesAny(assembly, simpleNames))
            {
                defining.Add(assembly.Identity.Name);
            }
        }

        // One hop further: subclasses of those attributes are declared in assemblies that reference them.
        _assemblies = new HashSet<string>(defining, StringComparer.Ordinal);
        if (defining.Count > 0)
        {
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && ReferencesAny(assembly, defining))
                {
                    _assemblies.Add(assembly.Identity.Name);
                }
            }
        }

        IsEmpty = _assemblies.Count == 0;
    }

    /// <summary>No member anywhere in the compilation can carry a personal-data attribute.</summary>
    public bool IsEmpty { get; }

    /// <summary>True when members of <paramref name="assembly"/> can carry a personal-data attribute.</summary>
    public bool IsPossibleIn(IAssemblySymbol? assembly)
    {
        if (IsEmpty || assembly is null)
        {
            return false;
        }

        return _possible.TryGetValue(assembly, out var known) ? known : _possible.GetOrAdd(assembly, _assemblies.Contains(assembly.Identity.Name) || ReferencesAny(assembly, _assemblies));
    }

    private static bool DefinesAny(IAssemblySymbol assembly, List<string> simpleNames)
    {
        var names = assembly.TypeNames;
        foreach (var name in simpleNames)
        {
            if (names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesAny(IAssemblySymbol assembly, HashSet<string> names)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (names.Contains(referenced.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
