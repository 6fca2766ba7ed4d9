using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1008: Hash with SHA-256 or stronger, not MD5 or SHA-1. Opt-in per control with
/// <c>parameters.forbid_weak_hashes: true</c>, because weak hashes still have non-security uses (cache keys, ETags).
/// </summary>
/// <remarks>
/// Reported at creations of MD5/SHA1/HMACMD5/HMACSHA1 (and subclasses such as MD5CryptoServiceProvider), their static
/// HashData/TryHashData/HashDataAsync; at System.Security.Cryptography calls given <c>HashAlgorithmName.MD5/SHA1</c>
/// (IncrementalHash, Rfc2898DeriveBytes, Pbkdf2, SignData; verification excepted) or a weak hash name as a string
/// (CryptoConfig.CreateFromName, HashAlgorithm.Create, SetHashAlgorithm, MapNameToOID); at Rfc2898DeriveBytes and
/// PasswordDeriveBytes left on their SHA-1 default; at ASP.NET Core KeyDerivation.Pbkdf2 with HMACSHA1; and at
/// FormsAuthentication.HashPasswordForStoringInConfigFile with "MD5" or "SHA1". Names are traced through locals,
/// readonly fields, concatenations and interpolated strings of constants.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHashAnalyzer : RequirementsAnalyzer
{
    private const string UseSha256 = "SHA256 (SHA256.HashData)";
    private const string UseHmacSha256 = "HMACSHA256";
    private const string UsePbkdf2 = "Rfc2898DeriveBytes.Pbkdf2 with HashAlgorithmName.SHA256";
    private const string UseSha256Name = "HashAlgorithmName.SHA256";

    private static readonly string[] WeakTypeNames =
    {
        "System.Security.Cryptography.MD5",
        "System.Security.Cryptography.SHA1",
        "System.Security.Cryptography.HMACMD5",
        "System.Security.Cryptography.HMACSHA1",
    };

    private static readonly Dictionary<string, string> WeakNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MD5"] = "MD5",
        ["System.Security.Cryptography.MD5"] = "MD5",
        ["System.Security.Cryptography.MD5CryptoServiceProvider"] = "MD5",
        ["SHA"] = "SHA1",
        ["SHA1"] = "SHA1",
        ["SHA-1"] = "SHA1",
        ["System.Security.Cryptography.SHA1"] = "SHA1",
        ["System.Security.Cryptography.SHA1CryptoServiceProvider"] = "SHA1",
        ["System.Security.Cryptography.SHA1Managed"] = "SHA1",
        ["HMACMD5"] = "HMACMD5",
        ["System.Security.Cryptography.HMACMD5"] = "HMACMD5",
        ["HMACSHA1"] = "HMACSHA1",
        ["System.Security.Cryptography.HMACSHA1"] = "HMACSHA1",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WeakHash);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption).RemoveAll(c => !c.Encryption.ForbidWeakHashes);
        if (controls.IsEmpty)
        {
            return;
        }

        var weakTypes = new List<INamedTypeSymbol>();
        foreach (var name in WeakTypeNames)
        {
            if (context.Compilation.GetTypeByMetadataName(name) is { } type)
            {
                weakTypes.Add(type);
            }
        }

        var hashes = new Hashes(
            weakTypes,
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName"),
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.Rfc2898DeriveBytes"),
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.PasswordDeriveBytes"));

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                var found = operation switch
                {
                    IObjectCreationOperation creation => hashes.FromCreation(creation),
                    IInvocationOperation invocation => hashes.FromInvocation(invocation),
                    IInvalidOperation invalid => Hashes.FromUnresolvedFormsAuthentication(invalid),
                    _ => null,
                };
                if (found is null)
                {
                    return;
                }

                var api = found.Api ?? operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
                    _ => "new " + operation.Type?.Name + "(...)",
                };
                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.WeakHash,
                        control,
                        operation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add("Algorithm", found.Algorithm),
                        control.Id,
                        control.Requirement,
                        api,
                        found.Described,
                        found.Replacement);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation,
            OperationKind.Invalid);
    }

    /// <summary>One weak hash found: the API named in the message, the algorithm (and how it was chosen) and the replacement.</summary>
    private sealed class Found
    {
        // api: the API as the message names it, or null to name it from the reported operation (built only when reporting).
        public Found(string? api, string algorithm, string replacement, string? described = null)
        {
            Api = api;
            Algorithm = algorithm;
            Replacement = replacement;
            Described = described ?? algorithm;
        }

        public string? Api { get; }

        public string Algorithm { get; }

        public string Described { get; }

        public string Replacement { get; }
    }

    /// <summary>The symbols resolved once per compilation and the recognisers over them.</summary>
    private sealed class Hashes
    {
        private readonly List<INamedTypeSymbol> _weakTypes;
        private readonly INamedTypeSymbol? _hashAlgorithmName;
        private readonly INamedTypeSymbol? _rfc2898;
        private readonly INamedTypeSymbol? _passwordDeriveBytes;

        public Hashes(List<INamedTypeSymbol> weakTypes, INamedTypeSymbol? hashAlgorithmName, INamedTypeSymbol? rfc2898, INamedTypeSymbol? passwordDeriveBytes)
        {
            _weakTypes = weakTypes;
            _hashAlgorithmName = hashAlgorithmName;
            _rfc2898 = rfc2898;
            _passwordDeriveBytes = passwordDeriveBytes;
        }

        public Found? FromCreation(IObjectCreationOperation creation)
        {
            // The namespace first, without allocating: this runs for every object creation.
            var type = creation.Type;
            if (!IsCryptographyNamespace(type?.ContainingNamespace))
            {
                return null;
            }

            if (WeakTypeName(type) is { } weak)
            {
                return new Found(null, weak, Replacement(weak));
            }

            if (FromArguments(creation.Arguments, isKdf: type?.Name == "Rfc2898DeriveBytes", isVerification: false) is { } named)
            {
                return named;
            }

            // Rfc2898DeriveBytes without a HashAlgorithmName and PasswordDeriveBytes without a hash name fall back to SHA-1.
            if (SymbolEqualityComparer.Default.Equals(type, _rfc2898) && !HasParameterOfType(creation.Constructor, _hashAlgorithmName))
            {
                return new Found(null, "SHA1", UsePbkdf2, "SHA1 (its default when no hash algorithm is named)");
            }

            if (SymbolEqualityComparer.Default.Equals(type, _passwordDeriveBytes) && !HasParameterNamed(creation.Constructor, "strHashName"))
            {
                return new Found(null, "SHA1", UsePbkdf2, "SHA1 (its default when no hash name is given)");
            }

            return null;
        }

        public Found? FromInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Arguments.Length == 0 && !method.IsStatic)
            {
                return null; // the cheap exit first: this runs for every invocation
            }

            var type = method.ContainingType;
            if (IsCryptographyNamespace(type.ContainingNamespace))
            {
                if (method.IsStatic && WeakTypeName(type) is { } owner)
                {
                    return new Found(null, owner, Replacement(owner));
                }

                if (type.Name == "IncrementalHash" && invocation.Arguments.Length > 0 && WeakAlgorithmName(invocation.Arguments[0].Value, 0) is { } incremental)
                {
                    return method.Name == "CreateHMAC"
                        ? new Found(null, "HMAC" + incremental, UseHmacSha256)
                        : new Found(null, incremental, UseSha256);
                }

                return FromArguments(invocation.Arguments, isKdf: type.Name == "Rfc2898DeriveBytes", method.Name.StartsWith("Verify", StringComparison.Ordinal));
            }

            if (method.Name == "Pbkdf2" && type.Name == "KeyDerivation")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.Name == "KeyDerivationPrf" && ConstantTracer.TryGetValue(argument.Value, out var prf)
                        && EnumMemberName(argument.Parameter.Type, prf) is "HMACSHA1" or "HMACMD5")
                    {
                        return new Found(null, "HMACSHA1", "KeyDerivationPrf.HMACSHA256 (or HMACSHA512)", "KeyDerivationPrf.HMACSHA1");
                    }
                }

                return null;
            }

            if (method.Name == "HashPasswordForStoringInConfigFile" && type.Name == "FormsAuthentication" && invocation.Arguments.Length == 2
                && ConstantTracer.String(invocation.Arguments[1].Value) is { } format && WeakNames.TryGetValue(format.Trim(), out var formsHash))
            {
                return FormsAuthentication(formsHash);
            }

            return null;
        }

        /// <summary>FormsAuthentication without a reference to System.Web (old code compiled against .NET): matched by its unique method name.</summary>
        public static Found? FromUnresolvedFormsAuthentication(IInvalidOperation invalid)
        {
            if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HashPasswordForStoringInConfigFile" }, ArgumentList.Arguments: { Count: 2 } arguments }
                || invalid.SemanticModel?.GetConstantValue(arguments[1].Expression) is not { HasValue: true, Value: string format }
                || !WeakNames.TryGetValue(format.Trim(), out var weak))
            {
                return null;
            }

            return FormsAuthentication(weak);
        }

        private static Found FormsAuthentication(string weak) =>
            new("FormsAuthentication.HashPasswordForStoringInConfigFile", weak, "a salted " + UsePbkdf2 + " (or ASP.NET Core Identity's PasswordHasher)", weak);

        /// <summary>A HashAlgorithmName argument naming MD5 or SHA-1, or a string argument holding a weak hash name.</summary>
        private Found? FromArguments(ImmutableArray<IArgumentOperation> arguments, bool isKdf, bool isVerification)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _hashAlgorithmName))
                {
                    if (!isVerification && WeakAlgorithmName(argument.Value, 0) is { } weak)
                    {
                        return new Found(null, weak, isKdf ? UsePbkdf2 : UseSha256Name, "HashAlgorithmName." + weak);
                    }

                    continue;
                }

                if (parameter.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                    && parameter.Name.IndexOf("password", StringComparison.OrdinalIgnoreCase) < 0
                    && ConstantTracer.String(argument.Value) is { } name && WeakNames.TryGetValue(name.Trim(), out var named))
                {
                    return new Found(null, named, Replacement(named), Quoted(name, argument.Value));
                }
            }

            return null;
        }

        /// <summary>"MD5" or "SHA1" when the value is HashAlgorithmName.MD5/SHA1, new HashAlgorithmName("MD5"), or a local holding one.</summary>
        private string? WeakAlgorithmName(IOperation value, int depth)
        {
            var operation = OperationTree.SkipConversions(value);
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "MD5" or "SHA1" } property }
                    when SymbolEqualityComparer.Default.Equals(property.ContainingType, _hashAlgorithmName):
                    return property.Name;

                case IObjectCreationOperation { Arguments.Length: 1 } creation when SymbolEqualityComparer.Default.Equals(creation.Type, _hashAlgorithmName):
                    return ConstantTracer.String(creation.Arguments[0].Value) is { } name && WeakNames.TryGetValue(name.Trim(), out var weak) && !weak.StartsWith("HMAC", StringComparison.Ordinal)
                        ? weak
                        : null;

                case ILocalReferenceOperation local when depth < 2 && ConstantTracer.OnlyWrite(local.Local, local) is { } written:
                    return WeakAlgorithmName(written, depth + 1);

                default:
                    return null;
            }
        }

        private string? WeakTypeName(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var weak in _weakTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, weak))
                    {
                        return weak.Name;
                    }
                }
            }

            return null;
        }

        private static string Replacement(string weak) => weak.StartsWith("HMAC", StringComparison.Ordinal) ? UseHmacSha256 : UseSha256;

        /// <summary>"MD5", or "MD5 (the name "MD" + "5")" when the name was not written as one literal.</summary>
        private static string Quoted(string name, IOperation value) =>
            value.ConstantValue.HasValue && value.Syntax is LiteralExpressionSyntax ? WeakNames[name.Trim()] : WeakNames[name.Trim()] + " (named \"" + name + "\" by " + value.Syntax + ")";

        private static bool HasParameterOfType(IMethodSymbol? method, INamedTypeSymbol? type)
        {
            if (method is null || type is null)
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasParameterNamed(IMethodSymbol? method, string name)
        {
            if (method is null)
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? EnumMemberName(ITypeSymbol enumType, object? value)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                {
                    return field.Name;
                }
            }

            return null;
        }

        /// <summary>System.Security.Cryptography, compared by name so metadata and source namespaces both match, without allocating.</summary>
        private static bool IsCryptographyNamespace(INamespaceSymbol? ns) =>
            ns is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
