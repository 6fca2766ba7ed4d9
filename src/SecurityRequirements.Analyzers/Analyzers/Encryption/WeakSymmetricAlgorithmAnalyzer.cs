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
/// SRA1001: Encrypt with an allowed AEAD cipher, not a legacy symmetric algorithm.
/// </summary>
/// <remarks>
/// Reported where an instance of DES, TripleDES, RC2 or Rijndael (or a subclass, such as the
/// CryptoServiceProvider, Managed and Cng variants) is created: constructors, their static Create
/// factories, and SymmetricAlgorithm.Create / CryptoConfig.CreateFromName with a constant name.
/// Mentions in nameof, typeof and comments are not uses.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakSymmetricAlgorithmAnalyzer : RequirementsAnalyzer
{
    /// <summary>Why each of <see cref="CryptoTypes.LegacyAlgorithms"/> is not allowed, in the same order.</summary>
    private static readonly string[] Weaknesses =
    {
        "56-bit key, broken",
        "64-bit block, no authentication",
        "weak key schedule, no authentication",
        "obsolete non-AEAD block cipher",
    };

    // Names SymmetricAlgorithm.Create and CryptoConfig.CreateFromName resolve to the weak types.
    private static readonly Dictionary<string, int> WeakNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DES"] = 0,
        ["System.Security.Cryptography.DES"] = 0,
        ["System.Security.Cryptography.DESCryptoServiceProvider"] = 0,
        ["3DES"] = 1,
        ["TripleDES"] = 1,
        ["Triple DES"] = 1,
        ["System.Security.Cryptography.TripleDES"] = 1,
        ["System.Security.Cryptography.TripleDESCryptoServiceProvider"] = 1,
        ["RC2"] = 2,
        ["System.Security.Cryptography.RC2"] = 2,
        ["System.Security.Cryptography.RC2CryptoServiceProvider"] = 2,
        ["Rijndael"] = 3,
        ["System.Security.Cryptography.Rijndael"] = 3,
        ["System.Security.Cryptography.RijndaelManaged"] = 3,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WeakSymmetricAlgorithm);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        if (controls.IsEmpty)
        {
            return;
        }

        var types = CryptoTypes.Resolve(context.Compilation);
        var weakTypes = types.LegacyAlgorithms;
        if (Array.TrueForAll(weakTypes, t => t is null))
        {
            return;
        }

        var symmetricAlgorithm = types.SymmetricAlgorithm;
        var cryptoConfig = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptoConfig");

        context.RegisterOperationAction(
            operationContext =>
            {
                var weakIndex = operationContext.Operation switch
                {
                    IObjectCreationOperation creation => WeakIndexOf(creation.Type, weakTypes),
                    IInvocationOperation invocation => WeakIndexOf(invocation, weakTypes, symmetricAlgorithm, cryptoConfig),
                    _ => -1,
                };
                if (weakIndex < 0)
                {
                    return;
                }

                var algorithm = weakTypes[weakIndex]!.Name;
                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.WeakSymmetricAlgorithm,
                        control,
                        operationContext.Operation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add("Algorithm", algorithm),
                        control.Id,
                        control.Requirement,
                        algorithm,
                        Weaknesses[weakIndex],
                        EncryptionAdvice.UseAead(control.Encryption));
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }

    private static int WeakIndexOf(IInvocationOperation invocation, INamedTypeSymbol?[] weakTypes, INamedTypeSymbol? symmetricAlgorithm, INamedTypeSymbol? cryptoConfig)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name is not ("Create" or "CreateFromName"))
        {
            return -1;
        }

        var containingType = method.ContainingType;
        var index = IndexOf(containingType, weakTypes);
        if (index >= 0)
        {
            return index;
        }

        var isNamedFactory = SymbolEqualityComparer.Default.Equals(containingType, symmetricAlgorithm)
            || SymbolEqualityComparer.Default.Equals(containingType, cryptoConfig);
        if (isNamedFactory
            && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
            && WeakNames.TryGetValue(name.Trim(), out var named)
            && weakTypes[named] is not null)
        {
            return named;
        }

        return -1;
    }

    private static int WeakIndexOf(ITypeSymbol? type, INamedTypeSymbol?[] weakTypes)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var index = IndexOf(current, weakTypes);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static int IndexOf(ITypeSymbol type, INamedTypeSymbol?[] weakTypes)
    {
        for (var i = 0; i < weakTypes.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, weakTypes[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
