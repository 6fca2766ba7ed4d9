using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1009: Use GcmBlockCipher over AesEngine with BouncyCastle.
/// </summary>
/// <remarks>
/// Types are matched by full metadata name (BouncyCastle.Cryptography 2.x and the older Portable/NetCore
/// packages share the namespaces), so the rule registers nothing when BouncyCastle is not referenced.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BouncyCastleCipherAnalyzer : RequirementsAnalyzer
{
    private static readonly (string MetadataName, string Problem)[] Flagged =
    {
        ("Org.BouncyCastle.Crypto.Engines.DesEngine", "a 56-bit legacy cipher"),
        ("Org.BouncyCastle.Crypto.Engines.DesEdeEngine", "Triple DES, a 64-bit-block legacy cipher"),
        ("Org.BouncyCastle.Crypto.Engines.RC2Engine", "a legacy cipher"),
        ("Org.BouncyCastle.Crypto.Engines.RC4Engine", "a broken stream cipher"),
        ("Org.BouncyCastle.Crypto.Engines.BlowfishEngine", "a 64-bit-block legacy cipher"),
        ("Org.BouncyCastle.Crypto.Modes.CbcBlockCipher", "CBC mode, which does not authenticate the ciphertext"),
        ("Org.BouncyCastle.Crypto.Modes.EcbBlockCipher", "ECB mode, which leaks plaintext patterns and does not authenticate"),
        ("Org.BouncyCastle.Crypto.Modes.CfbBlockCipher", "CFB mode, which does not authenticate the ciphertext"),
        ("Org.BouncyCastle.Crypto.Modes.OfbBlockCipher", "OFB mode, which does not authenticate the ciphertext"),
        ("Org.BouncyCastle.Crypto.Modes.SicBlockCipher", "CTR (SIC) mode, which does not authenticate the ciphertext"),
        ("Org.BouncyCastle.Crypto.Modes.CtsBlockCipher", "CTS mode, which does not authenticate the ciphertext"),
    };

    private static readonly string[] WeakTransformationParts = { "/CBC", "/ECB", "/CFB", "/OFB", "/CTR", "/SIC", "/CTS" };
    private static readonly string[] WeakCipherNames = { "DES", "DESEDE", "TRIPLEDES", "RC2", "RC4", "ARC4", "BLOWFISH" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BouncyCastleNonAead);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        if (controls.IsEmpty)
        {
            return;
        }

        var flagged = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var (metadataName, problem) in Flagged)
        {
            if (context.Compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                flagged[type] = problem;
            }
        }

        var cipherUtilities = context.Compilation.GetTypeByMetadataName("Org.BouncyCastle.Security.CipherUtilities");
        if (flagged.Count == 0 && cipherUtilities is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                string? subject = null;
                string? problem = null;
                switch (operation)
                {
                    case IObjectCreationOperation { Type: INamedTypeSymbol created } when flagged.TryGetValue(created.OriginalDefinition, out var p):
                        subject = created.Name;
                        problem = p;
                        break;

                    // BouncyCastle 2.x adds static factories such as CbcBlockCipher.Create(engine) next to the constructors.
                    case IInvocationOperation { TargetMethod: { IsStatic: true, ReturnType: INamedTypeSymbol returned } } factory
                        when flagged.TryGetValue(returned.OriginalDefinition, out var p):
                        subject = returned.Name;
                        problem = p;
                        break;

                    case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetCipher" } method } getCipher
                        when SymbolEqualityComparer.Default.Equals(method.ContainingType, cipherUtilities)
                            && getCipher.Arguments.Length > 0
                            && getCipher.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
                            && DescribeTransformation(name) is { } described:
                        subject = "CipherUtilities.GetCipher(\"" + name + "\")";
                        problem = described;
                        break;
                }

                if (subject is null)
                {
                    return;
                }

                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.BouncyCastleNonAead,
                        control,
                        operation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        properties: null,
                        control.Id,
                        control.Requirement,
                        subject,
                        problem!,
                        control.Encryption.MinKeyBits.ToString(CultureInfo.InvariantCulture));
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }

    private static string? DescribeTransformation(string transformation)
    {
        var upper = transformation.Trim().ToUpperInvariant();
        var algorithm = upper.Split('/')[0];
        if (Array.IndexOf(WeakCipherNames, algorithm) >= 0)
        {
            return "a legacy cipher (" + algorithm + ")";
        }

        foreach (var part in WeakTransformationParts)
        {
            if (upper.Contains(part + "/") || upper.EndsWith(part, StringComparison.Ordinal))
            {
                return part.Substring(1) + " mode, which does not authenticate the ciphertext";
            }
        }

        // "AES" alone selects ECB with PKCS7 padding.
        return upper == "AES" ? "ECB mode (the default for a bare \"AES\"), which does not authenticate the ciphertext" : null;
    }
}
