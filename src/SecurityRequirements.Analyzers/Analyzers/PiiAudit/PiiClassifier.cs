using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Decides, once per member and compilation, whether a property, field or primary-constructor parameter holds
/// personal data under one control: an attribute named in <c>pii_attributes</c> (or deriving from one, or from
/// DataClassificationAttribute other than NoDataClassification), or a <c>pii_members</c> glob over
/// <c>Type.Member</c> or <c>Namespace.Type.Member</c>. Overrides, interface implementations and record
/// properties inherit the marking of the member or positional parameter they come from.
/// </summary>
internal sealed class PiiClassifier
{
    private readonly ImmutableHashSet<string> _attributeNames;
    private readonly ImmutableArray<GlobPattern> _memberGlobs;
    private readonly INamedTypeSymbol? _dataClassification;
    private readonly INamedTypeSymbol? _noDataClassification;
    private readonly ConcurrentDictionary<ISymbol, bool> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _attributeClasses = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ISymbol?> _typesWithPii = new(SymbolEqualityComparer.Default);

    public PiiClassifier(Compilation compilation, PiiAuditParameters parameters)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var name in parameters.PiiAttributes)
        {
            var trimmed = name.Trim();
            if (trimmed.StartsWith("global::", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring("global::".Length);
            }

            names.Add(trimmed);
            names.Add(trimmed.EndsWith("Attribute", StringComparison.Ordinal) ? trimmed.Substring(0, trimmed.Length - "Attribute".Length) : trimmed + "Attribute");
        }

        _attributeNames = names.ToImmutable();
        _memberGlobs = parameters.PiiMembers;
        _dataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        _noDataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
    }

    /// <summary>True when reading <paramref name="member"/> reads personal data.</summary>
    public bool IsPii(ISymbol member)
    {
        member = member.OriginalDefinition;
        if (_members.TryGetValue(member, out var known))
        {
            return known;
        }

        // Two threads may compute the same member; the answer is the same, and the first one stored wins.
        return _members.GetOrAdd(member, Compute(member));
    }

    /// <summary>The first PII property or field of <paramref name="type"/> or its base types, or null.</summary>
    public ISymbol? FirstPiiMember(ITypeSymbol type)
    {
        if (_typesWithPii.TryGetValue(type, out var known))
        {
            return known;
        }

        ISymbol? found = null;
        if (type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
        {
            for (var current = type; current is not null && found is null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (!member.IsStatic && !member.IsImplicitlyDeclared && member is IPropertySymbol or IFieldSymbol && IsPii(member))
                    {
                        found = member;
                        break;
                    }
                }
            }
        }

        return _typesWithPii.GetOrAdd(type, found);
    }

    /// <summary>A primary-constructor parameter (C# 12 classes and records): the only parameters that can hold PII state.</summary>
    public static bool IsPrimaryConstructorParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && constructor.DeclaringSyntaxReferences.Length == 1
        && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

    private bool Compute(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol property:
                if (IsMarked(property))
                {
                    return true;
                }

                if (property.OverriddenProperty is { } overridden && IsPii(overridden))
                {
                    return true;
                }

                foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
                {
                    if (IsPii(explicitImplementation))
                    {
                        return true;
                    }
                }

                return ImplementsPiiInterfaceMember(property) || IsPositionalPiiProperty(property);

            case IFieldSymbol field:
                return IsMarked(field);

            case IParameterSymbol parameter:
                return IsPrimaryConstructorParameter(parameter) && IsMarked(parameter);

            default:
                return false;
        }
    }

    /// <summary>
    /// An entity key named <c>Id</c> is what audit records and logs should carry instead of personal data, so an
    /// attribute does not make it PII (ASP.NET Core Identity marks <c>IdentityUser.Id</c> [PersonalData] for data
    /// export); a <c>pii_members</c> glob that names it still does.
    /// </summary>
    private bool IsMarked(ISymbol member) =>
        (!string.Equals(member.Name, "Id", StringComparison.OrdinalIgnoreCase) && HasPiiAttribute(member.GetAttributes())) || MatchesGlob(member);

    private bool ImplementsPiiInterfaceMember(IPropertySymbol property)
    {
        var type = property.ContainingType;
        if (type is null || property.IsStatic)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(property.Name))
            {
                if (candidate is IPropertySymbol interfaceProperty
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property)
                    && IsPii(interfaceProperty))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A record's positional property is declared by its parameter, where <c>[PersonalData]</c> usually sits.</summary>
    private bool IsPositionalPiiProperty(IPropertySymbol property)
    {
        if (property.ContainingType is not { IsRecord: true } record || property.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        // Only a property declared by a parameter is positional; checking the syntax first spares every other
        // record property the walk over the constructors' parameters.
        var declaration = property.DeclaringSyntaxReferences[0];
        if (declaration.GetSyntax() is not ParameterSyntax)
        {
            return false;
        }

        foreach (var constructor in record.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.DeclaringSyntaxReferences.Length == 1
                    && parameter.DeclaringSyntaxReferences[0].SyntaxTree == declaration.SyntaxTree
                    && parameter.DeclaringSyntaxReferences[0].Span == declaration.Span)
                {
                    return IsMarked(parameter);
                }
            }
        }

        return false;
    }

    private bool HasPiiAttribute(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } attributeClass && IsPiiAttributeClass(attributeClass))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPiiAttributeClass(INamedTypeSymbol attributeClass) =>
        _attributeClasses.TryGetValue(attributeClass, out var known) ? known : _attributeClasses.GetOrAdd(attributeClass, ComputeAttributeClass(attributeClass));

    private bool ComputeAttributeClass(INamedTypeSymbol attributeClass)
    {
        for (INamedTypeSymbol? current = attributeClass; current is not null; current = current.BaseType)
        {
            if (_noDataClassification is not null && SymbolEqualityComparer.Default.Equals(current, _noDataClassification))
            {
                return false;
            }

            if (_dataClassification is not null && SymbolEqualityComparer.Default.Equals(current, _dataClassification))
            {
                return true;
            }

            if (_attributeNames.Contains(current.Name) || _attributeNames.Contains(FullName(current, null)))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesGlob(ISymbol member)
    {
        if (_memberGlobs.IsDefaultOrEmpty)
        {
            return false;
        }

        var type = member.ContainingType;
        if (type is null)
        {
            return false;
        }

        // Every member of the compilation that is read comes here once: rule out the globs by their literal end
        // before formatting the type's name, so only members named like a glob's end cost any string work.
        string? simple = null;
        string? full = null;
        foreach (var glob in _memberGlobs)
        {
            if (!CanEndWithMember(glob, member.Name))
            {
                continue;
            }

            simple ??= type.Name + "." + member.Name;
            if (glob.IsMatch(simple) || glob.IsMatch(full ??= FullName(type, member.Name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a "Type.Member" value ending in ".<paramref name="name"/>" can end with the glob's literal suffix.</summary>
    private static bool CanEndWithMember(GlobPattern glob, string name)
    {
        var suffix = glob.LiteralSuffix;
        var comparison = glob.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (suffix.Length <= name.Length)
        {
            return name.EndsWith(suffix, comparison);
        }

        return suffix[suffix.Length - name.Length - 1] == '.' && suffix.EndsWith(name, comparison);
    }

    /// <summary>"Namespace.Outer.Inner" (plus ".member"), without generic arguments or "global::".</summary>
    internal static string FullName(INamedTypeSymbol type, string? member)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        if (member is not null)
        {
            builder.Append('.').Append(member);
        }

        return builder.ToString();

        static void Append(StringBuilder builder, INamedTypeSymbol type)
        {
            if (type.ContainingType is { } outer)
            {
                Append(builder, outer);
                builder.Append('.');
            }
            else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString()).Append('.');
            }

            builder.Append(type.Name);
        }
    }
}
