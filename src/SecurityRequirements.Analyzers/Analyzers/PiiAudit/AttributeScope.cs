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
/// ones (by full name; by simple name in ASP.NET Core Identity, in the compilation and in non-Microsoft
/// references), DataClassificationAttribute, and their subclasses, which live in assemblies that reference them.
/// </summary>
internal sealed class AttributeScope
{
    private const string IdentityNamespace = "Microsoft.AspNetCore.Identity.";

    /// <summary>Public key tokens of Microsoft's framework assemblies.</summary>
    private static readonly byte[][] FrameworkKeyTokens =
    {
        new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
        new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
        new byte[] { 0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35 },
        new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },
        new byte[] { 0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60 },
        new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
    };

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
            var simple = dot >= 0 ? name.Substring(dot + 1) : name;
            simpleNames.Add(simple);

            // A full name, or a simple name of ASP.NET Core Identity's attributes: found where it is declared.
            var type = compilation.GetTypeByMetadataName(dot >= 0 ? name : IdentityNamespace + name);
            if (type is not null)
            {
                defining.Add(type.ContainingAssembly.Identity.Name);
            }
        }

        // A class that only shares the name (BouncyCastle's ASN.1 PersonalData) declares no attribute.
        if (compilation.ContainsSymbolsWithName(n => simpleNames.Contains(n), SymbolFilter.Type) && DeclaresAttributeNamed(compilation, simpleNames))
        {
            defining.Add(compilation.Assembly.Identity.Name);
        }

        // Other simple names are searched for in the references that are not Microsoft's framework: only a team's
        // or a vendor's assembly declares its own attributes, and reading every framework assembly's type names would
        // cost every compilation.
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !IsFramework(assembly) && DefinesAny(assembly, simpleNames))
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

    /// <summary>An assembly signed with one of Microsoft's framework keys (the .NET and ASP.NET Core shared frameworks, Microsoft.Extensions.*).</summary>
    public static bool IsFramework(IAssemblySymbol? assembly)
    {
        var token = assembly?.Identity.PublicKeyToken ?? ImmutableArray<byte>.Empty;
        if (token.Length != 8)
        {
            return false;
        }

        foreach (var framework in FrameworkKeyTokens)
        {
            var same = true;
            for (var i = 0; i < 8 && same; i++)
            {
                same = token[i] == framework[i];
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresAttributeNamed(Compilation compilation, List<string> simpleNames)
    {
        foreach (var symbol in compilation.GetSymbolsWithName(n => simpleNames.Contains(n), SymbolFilter.Type))
        {
            for (var type = (symbol as INamedTypeSymbol)?.BaseType; type is not null; type = type.BaseType)
            {
                if (type is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }
        }

        return false;
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
