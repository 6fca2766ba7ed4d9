using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Decides, once per member and compilation, whether a property, field or primary-constructor parameter holds
/// personal data under one control:
/// <list type="bullet">
/// <item>an attribute named in <c>pii_attributes</c> (or deriving from one, or from DataClassificationAttribute other
/// than NoDataClassification);</item>
/// <item>a <c>pii_members</c> glob over <c>Type.Member</c> or <c>Namespace.Type.Member</c>;</item>
/// <item>the name vocabulary (<see cref="PiiVocabulary"/>), for instance members of string (or, for some names,
/// date) type declared in this compilation or a non-Microsoft reference, outside configuration, constant and
/// attribute classes;</item>
/// <item><c>IIdentity.Name</c>, the signed-in user's name, when <see cref="IdentitySources"/> is active.</item>
/// </list>
/// Constants and enum members are never personal data: they name data but hold none (ClaimTypes.Email,
/// TwoFactorProviderType.Email). Overrides, interface implementations and record properties inherit the marking of
/// the member or positional parameter they come from. <c>Claim.Value</c> is answered as
/// <see cref="PiiKind.ClaimValue"/>: personal only for a personal claim, which the caller checks at the read.
/// </summary>
internal sealed class PiiClassifier
{
    /// <summary>Words a configuration or constants class ends with: its members name or configure data, they do not hold a person's.</summary>
    private static readonly string[] ConfigurationWords =
    {
        "options", "settings", "configuration", "config", "constants", "defaults", "names", "types", "claims", "scopes", "keys",
    };

    /// <summary>Words a data type's name may end with after the noun it is about: "CustomerDto" is about a customer.</summary>
    private static readonly string[] ModelWords =
    {
        "dto", "model", "view", "vm", "entity", "record", "data", "details", "detail", "info", "summary", "response", "request",
        "input", "command", "query", "event", "message", "base", "item", "row", "dao",
    };

    /// <summary>Words before "Address" that make it a network or memory address, never a postal one.</summary>
    private static readonly string[] TechnicalAddressWords =
    {
        "ip", "mac", "remote", "local", "base", "server", "host", "endpoint", "proxy", "web", "memory", "wallet", "contract", "network", "url", "uri",
    };

    private readonly ImmutableHashSet<string> _attributeNames;
    private readonly ImmutableArray<SymbolGlob> _memberGlobs;
    private readonly PiiVocabulary _vocabulary;
    private readonly AttributeScope _attributeScope;
    private readonly IdentitySources _identity;
    private readonly INamedTypeSymbol? _dataClassification;
    private readonly INamedTypeSymbol? _noDataClassification;
    private readonly INamedTypeSymbol? _attribute;
    private readonly ConcurrentDictionary<ISymbol, PiiKind> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _attributeClasses = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ISymbol?> _typesWithPii = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, string> _fullNames = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _interfacesWithPii = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ulong> _interfaceGlobs = new(SymbolEqualityComparer.Default);

    public PiiClassifier(Compilation compilation, PiiAuditParameters parameters, IdentitySources identity)
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
        _memberGlobs = SymbolGlob.Create(parameters.PiiMembers);
        _vocabulary = PiiVocabulary.Create(parameters.PiiNames, parameters.PiiNamesRemoved);
        _identity = identity;
        _dataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        _noDataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
        _attribute = compilation.GetTypeByMetadataName("System.Attribute");
        _attributeScope = new AttributeScope(compilation, _attributeNames, _dataClassification);
        CanFindAny = !_attributeScope.IsEmpty || identity.IsActive || HasCandidateNames(compilation);
    }

    /// <summary>
    /// False when no member of this compilation or its references can be personal data: no personal-data attribute
    /// type exists, no identity stack is referenced, and no member declared here or in a non-Microsoft reference is
    /// named like personal data or like a pii_members glob. Then the PII checks register nothing.
    /// </summary>
    public bool CanFindAny { get; }

    /// <summary>True when reading <paramref name="member"/> reads personal data.</summary>
    public bool IsPii(ISymbol member) => Classify(member) == PiiKind.Member;

    /// <summary>Whether <paramref name="member"/> holds personal data, cached per member.</summary>
    public PiiKind Classify(ISymbol member)
    {
        member = member.OriginalDefinition;

        // Cheap answers first, before the cache: most members are neither named like personal data nor able to carry
        // an attribute, and caching every field and property a large project reads costs more than deciding again.
        if (CannotBePii(member))
        {
            return PiiKind.None;
        }

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

    /// <summary>The type's own name words: "CustomerDto" and "CustomerViewModel" are about a Customer.</summary>
    internal static bool IsAboutPerson(INamedTypeSymbol type)
    {
        var name = type.Name;
        var (start, length) = WordParts.HeadWord(name, ModelWords);
        return start >= 0 && (WordParts.IsOneOf(name, start, length, PiiVocabulary.PersonWords) || WordParts.Equals(name, start, length, "address"));
    }

    private PiiKind Compute(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol property:
                if (_identity.ClaimValue is { } claimValue && SymbolEqualityComparer.Default.Equals(property, claimValue))
                {
                    return PiiKind.ClaimValue;
                }

                if ((_identity.IdentityName is { } identityName && SymbolEqualityComparer.Default.Equals(property, identityName)) || IsMarked(property))
                {
                    return PiiKind.Member;
                }

                if (property.IsOverride && property.OverriddenProperty is { } overridden && IsPii(overridden))
                {
                    return PiiKind.Member;
                }

                // Only an explicit implementation has a dotted name ("IPerson.DisplayName").
                if (property.Name.IndexOf('.') >= 0)
                {
                    foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
                    {
                        if (IsPii(explicitImplementation))
                        {
                            return PiiKind.Member;
                        }
                    }
                }

                return ImplementsPiiInterfaceMember(property) || IsPositionalPiiProperty(property) ? PiiKind.Member : PiiKind.None;

            case IFieldSymbol field:
                // A constant, an enum member or a static readonly identifier object (BouncyCastle's X509Name.DateOfBirth,
                // an OID) names data but holds none.
                return !field.IsConst && field.ContainingType?.TypeKind != TypeKind.Enum && !IsStaticIdentifier(field) && IsMarked(field) ? PiiKind.Member : PiiKind.None;

            case IParameterSymbol parameter:
                return IsPrimaryConstructorParameter(parameter) && IsMarked(parameter) ? PiiKind.Member : PiiKind.None;

            default:
                return PiiKind.None;
        }
    }

    private static bool IsStaticIdentifier(IFieldSymbol field) =>
        field.IsStatic && field.IsReadOnly && field.Type.SpecialType != SpecialType.System_String && field.Type.TypeKind is TypeKind.Class or TypeKind.Struct
        && field.Type.SpecialType == SpecialType.None && field.Type is not IArrayTypeSymbol;

    /// <summary>
    /// True when names alone rule <paramref name="member"/> out: neither the vocabulary nor a glob can match it, and no
    /// attribute or identity source can apply. A glob must fit the member's name and its type's name; for a property,
    /// also the name of an interface it may implement, and an override (whose base may match) is checked by name only.
    /// </summary>
    private bool CannotBePii(ISymbol member)
    {
        var name = member.Name;
        if (_vocabulary.MayMatch(name) || IsIdentitySource(member) || _attributeScope.IsPossibleIn(member.ContainingAssembly))
        {
            return false;
        }

        // By kind, not by type pattern (interface casts cost on this path); an explicit implementation is the only
        // property with a dotted name, which is cheaper to see than its implementations (decoded from metadata).
        var owner = member.Kind switch
        {
            SymbolKind.Field => member.ContainingType,
            SymbolKind.Parameter => member.ContainingSymbol.ContainingType,
            SymbolKind.Property when !member.IsOverride && name.IndexOf('.') < 0 => member.ContainingType,
            _ => null,
        };
        for (var i = 0; i < _memberGlobs.Length; i++)
        {
            var glob = _memberGlobs[i];
            if (!glob.MayMatchMember(name))
            {
                continue;
            }

            if (owner is null || glob.MayMatchType(owner.Name))
            {
                return false;
            }

            if (member.Kind == SymbolKind.Property && !owner.AllInterfaces.IsEmpty && (i >= 64 || (InterfaceGlobs(owner) & (1UL << i)) != 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Bit i set when an interface of <paramref name="type"/> has a name that glob i's type segment may match, kept per type:
    /// a glob such as <c>*KeyParameters.*</c> matches every member name, so without it each property read would test
    /// every interface of its type against it.
    /// </summary>
    private ulong InterfaceGlobs(INamedTypeSymbol type)
    {
        if (_interfaceGlobs.TryGetValue(type, out var known))
        {
            return known;
        }

        var mask = 0UL;
        for (var i = 0; i < _memberGlobs.Length && i < 64; i++)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (_memberGlobs[i].MayMatchType(@interface.Name))
                {
                    mask |= 1UL << i;
                    break;
                }
            }
        }

        return _interfaceGlobs.GetOrAdd(type, mask);
    }

    private bool NameMayBePii(string name)
    {
        if (_vocabulary.MayMatch(name))
        {
            return true;
        }

        foreach (var glob in _memberGlobs)
        {
            if (glob.MayMatchMember(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IIdentity.Name and its implementations, and Claim.Value, whatever the vocabulary says about their names.</summary>
    private bool IsIdentitySource(ISymbol member) =>
        _identity.IsActive && member.Kind == SymbolKind.Property && member.Name is "Name" or "Value";

    /// <summary>
    /// An entity key named <c>Id</c> is what audit records and logs should carry instead of personal data, so an
    /// attribute does not make it PII (ASP.NET Core Identity marks <c>IdentityUser.Id</c> [PersonalData] for data
    /// export); a <c>pii_members</c> glob that names it still does.
    /// </summary>
    private bool IsMarked(ISymbol member) =>
        (!string.Equals(member.Name, "Id", StringComparison.OrdinalIgnoreCase) && _attributeScope.IsPossibleIn(member.ContainingAssembly) && HasPiiAttribute(member.GetAttributes()))
        || MatchesGlob(member)
        || MatchesVocabulary(member);

    private bool MatchesGlob(ISymbol member)
    {
        var type = PiiOperations.DeclaringType(member);
        if (type is null)
        {
            return false;
        }

        foreach (var glob in _memberGlobs)
        {
            if (glob.IsMatch(type, member.Name, _fullNames))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name vocabulary, for members that hold a person's data: see the class remarks.</summary>
    private bool MatchesVocabulary(ISymbol member)
    {
        if (member.IsStatic || _vocabulary.IsEmpty)
        {
            return false;
        }

        var match = _vocabulary.Match(member.Name);
        if (!match.IsMatch)
        {
            return false;
        }

        var owner = PiiOperations.DeclaringType(member);
        if (owner is null || owner.TypeKind == TypeKind.Enum || AttributeScope.IsFramework(owner.ContainingAssembly) || IsConfiguration(owner) || IsAttributeClass(owner))
        {
            return false;
        }

        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        if (type is null || !HoldsValue(type, match))
        {
            return false;
        }

        if (!match.NeedsPerson)
        {
            return true;
        }

        return !IsTechnicalAddress(member.Name) && IsAboutPerson(owner);
    }

    private static bool HoldsValue(ITypeSymbol type, VocabularyMatch match)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return true;
            case SpecialType.System_DateTime:
                return match.AllowsDate;
            case SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
                or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                or SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single:
                return match.AllowsNumber;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char })
        {
            return true;
        }

        return match.AllowsDate
            && type.Name is "DateTimeOffset" or "DateOnly"
            && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
    }

    private static bool IsTechnicalAddress(string name)
    {
        var end = name.Length;
        var start = WordParts.PreviousWord(name, ref end);
        if (start < 0 || !WordParts.Equals(name, start, end - start, "address"))
        {
            return false;
        }

        end = start;
        start = WordParts.PreviousWord(name, ref end);
        return start >= 0 && WordParts.IsOneOf(name, start, end - start, TechnicalAddressWords);
    }

    private static bool IsConfiguration(INamedTypeSymbol type)
    {
        var end = type.Name.Length;
        var start = WordParts.PreviousWord(type.Name, ref end);
        return start >= 0 && WordParts.IsOneOf(type.Name, start, end - start, ConfigurationWords);
    }

    private bool IsAttributeClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any member declared in source, or in a non-Microsoft reference, is named like personal data or like a glob.</summary>
    private bool HasCandidateNames(Compilation compilation)
    {
        if (_vocabulary.IsEmpty && _memberGlobs.IsEmpty)
        {
            return false;
        }

        if (compilation.ContainsSymbolsWithName(NameMayBePii, SymbolFilter.Member) || DeclaresCandidateParameter(compilation))
        {
            return true;
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !AttributeScope.IsFramework(assembly) && DeclaresCandidate(assembly.GlobalNamespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A primary-constructor parameter named like personal data (<c>record Customer(string Email)</c>): the
    /// declaration table behind ContainsSymbolsWithName does not list them, so the type declarations are walked,
    /// never the member bodies.
    /// </summary>
    private bool DeclaresCandidateParameter(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var name in PrimaryConstructors.ParameterNamesIn(tree, CancellationToken.None))
            {
                if (NameMayBePii(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool DeclaresCandidate(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol ns when DeclaresCandidate(ns):
                    return true;
                case INamedTypeSymbol type:
                    foreach (var name in type.MemberNames)
                    {
                        if (NameMayBePii(name))
                        {
                            return true;
                        }
                    }

                    if (DeclaresCandidate(type))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private bool ImplementsPiiInterfaceMember(IPropertySymbol property)
    {
        var type = property.ContainingType;
        if (type is null || property.IsStatic)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (!HasPiiProperty(@interface))
            {
                continue;
            }

            foreach (var candidate in @interface.GetMembers(property.Name))
            {
                if (candidate is IPropertySymbol interfaceProperty
                    && IsPii(interfaceProperty)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an interface declares a personal-data property, once per interface: most interfaces a type implements
    /// (IEnumerable, IList, IDisposable) have none, and then no implementation has to be looked up.
    /// </summary>
    private bool HasPiiProperty(INamedTypeSymbol @interface)
    {
        @interface = @interface.OriginalDefinition;
        if (_interfacesWithPii.TryGetValue(@interface, out var known))
        {
            return known;
        }

        var found = false;
        foreach (var member in @interface.GetMembers())
        {
            if (member is IPropertySymbol && IsPii(member))
            {
                found = true;
                break;
            }
        }

        return _interfacesWithPii.GetOrAdd(@interface, found);
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
}
