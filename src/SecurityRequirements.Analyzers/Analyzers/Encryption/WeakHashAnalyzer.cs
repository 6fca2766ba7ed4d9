using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
/// Reported at creations of MD5/SHA1/HMACMD5/HMACSHA1 (and subclasses), their static HashData/TryHashData/HashDataAsync,
/// <c>IncrementalHash.CreateHash/CreateHMAC(HashAlgorithmName.MD5 or SHA1)</c>, and <c>CryptoConfig.CreateFromName</c> /
/// <c>HashAlgorithm.Create</c> / <c>HMAC.Create</c> with those names.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHashAnalyzer : RequirementsAnalyzer
{
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
        ["SHA"] = "SHA1",
        ["SHA1"] = "SHA1",
        ["System.Security.Cryptography.SHA1"] = "SHA1",
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

        var incrementalHash = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.IncrementalHash");
        var hashAlgorithmName = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName");
        var factories = new[]
        {
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptoConfig"),
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm"),
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HMAC"),
            context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.KeyedHashAlgorithm"),
        };

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                var found = operation switch
                {
                    IObjectCreationOperation creation => WeakTypeName(creation.Type, weakTypes),
                    IInvocationOperation invocation => FromInvocation(invocation, weakTypes, incrementalHash, hashAlgorithmName, factories),
                    _ => null,
                };
                if (found is null)
                {
                    return;
                }

                var api = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
                    _ => "new " + operation.Type!.Name + "(...)",
                };
                var replacement = found.StartsWith("HMAC", StringComparison.Ordinal) ? "HMACSHA256" : "SHA256 (SHA256.HashData)";
                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.WeakHash,
                        control,
                        operation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add("Algorithm", found),
                        control.Id,
                        control.Requirement,
                        api,
                        found,
                        replacement);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }

    private static string? FromInvocation(IInvocationOperation invocation, List<INamedTypeSymbol> weakTypes, INamedTypeSymbol? incrementalHash, INamedTypeSymbol? hashAlgorithmName, INamedTypeSymbol?[] factories)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic)
        {
            return null;
        }

        if (WeakTypeName(method.ContainingType, weakTypes) is { } owner)
        {
            return owner;
        }

        var firstArgument = invocation.Arguments.Length > 0 ? OperationTree.SkipConversions(invocation.Arguments[0].Value) : null;
        if (incrementalHash is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, incrementalHash)
            && firstArgument is IPropertyReferenceOperation { Property: { IsStatic: true } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, hashAlgorithmName)
            && property.Name is "MD5" or "SHA1")
        {
            return method.Name == "CreateHMAC" ? "HMAC" + property.Name : property.Name;
        }

        if (method.Name is "Create" or "CreateFromName"
            && Array.Exists(factories, f => f is not null && SymbolEqualityComparer.Default.Equals(f, method.ContainingType))
            && firstArgument?.ConstantValue is { HasValue: true, Value: string name }
            && WeakNames.TryGetValue(name.Trim(), out var weak))
        {
            return weak;
        }

        return null;
    }

    private static string? WeakTypeName(ITypeSymbol? type, List<INamedTypeSymbol> weakTypes)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var weak in weakTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, weak))
                {
                    return weak.Name;
                }
            }
        }

        return null;
    }
}
