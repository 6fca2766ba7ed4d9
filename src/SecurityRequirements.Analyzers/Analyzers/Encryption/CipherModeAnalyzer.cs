using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1003: Encrypt with AES-GCM, not a block cipher mode without authentication.
/// </summary>
/// <remarks>
/// Reported at each encryption through a <c>SymmetricAlgorithm</c>: <c>CreateEncryptor</c> and the one-shot
/// <c>EncryptCbc</c>/<c>EncryptEcb</c>/<c>EncryptCfb</c> (and their Try variants). Every SymmetricAlgorithm mode
/// (CBC by default, ECB, CFB, OFB, CTS) lacks authentication, so the sink is the violation; the message names the
/// mode when a constant <c>Mode</c> assignment to the same instance is found in the same body. Decryption is not
/// reported. DES, TripleDES, RC2 and Rijndael instances are left to SRA1001.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CipherModeAnalyzer : RequirementsAnalyzer
{
    public const string ApiProperty = "Api";
    public const string ModeProperty = "Mode";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonAeadCipherMode);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        var types = CryptoTypes.Resolve(context.Compilation);
        if (controls.IsEmpty || types.SymmetricAlgorithm is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                var fixedMode = method.Name switch
                {
                    "CreateEncryptor" => null,
                    "EncryptCbc" or "TryEncryptCbc" => "CBC",
                    "EncryptEcb" or "TryEncryptEcb" => "ECB",
                    "EncryptCfb" or "TryEncryptCfb" => "CFB",
                    _ => string.Empty,
                };
                if (fixedMode == string.Empty || method.IsStatic)
                {
                    return;
                }

                var receiverType = invocation.Instance?.Type;
                if (!CryptoTypes.DerivesFrom(receiverType, types.SymmetricAlgorithm) || types.IsLegacyAlgorithm(receiverType))
                {
                    return;
                }

                var mode = fixedMode ?? FindMode(invocation, types) ?? "CBC (the default)";
                var algorithm = receiverType!.Name;
                foreach (var control in controls)
                {
                    requirements.Report(
                        operationContext.ReportDiagnostic,
                        DiagnosticDescriptors.NonAeadCipherMode,
                        control,
                        invocation.Syntax.GetLocation(),
                        operationContext.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add(ApiProperty, method.Name).Add(ModeProperty, mode),
                        control.Id,
                        control.Requirement,
                        method.Name,
                        algorithm,
                        mode,
                        EncryptionAdvice.UseAead(control.Encryption));
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>The last constant Mode assigned to the encryptor's instance in the same body, before the call.</summary>
    private static string? FindMode(IInvocationOperation invocation, CryptoTypes types)
    {
        var receiver = OperationTree.ReferencedSymbol(invocation.Instance);
        if (receiver is null)
        {
            return null;
        }

        string? mode = null;
        var sinkStart = invocation.Syntax.SpanStart;
        foreach (var operation in OperationTree.Root(invocation).Descendants())
        {
            if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" } target } assignment
                || assignment.Syntax.SpanStart > sinkStart
                || !CryptoTypes.DerivesFrom(target.Property.ContainingType, types.SymmetricAlgorithm)
                || !AssignsTo(target, receiver))
            {
                continue;
            }

            mode = assignment.Value.ConstantValue is { HasValue: true, Value: int value } && types.CipherMode is { } cipherMode
                ? NameOf(cipherMode, value)
                : "a run-time";
        }

        return mode;
    }

    private static bool AssignsTo(IPropertyReferenceOperation target, ISymbol receiver)
    {
        if (OperationTree.IsReferenceTo(target.Instance, receiver))
        {
            return true;
        }

        // "var aes = new AesManaged { Mode = CipherMode.ECB };": the initializer sets the instance being declared.
        if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            for (var parent = target.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IObjectCreationOperation)
                {
                    var owner = parent.Parent;
                    while (owner is IConversionOperation or IVariableInitializerOperation)
                    {
                        owner = owner.Parent;
                    }

                    return owner is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, receiver);
                }
            }
        }

        return false;
    }

    private static string NameOf(INamedTypeSymbol enumType, int value)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int constant } field && constant == value)
            {
                return field.Name;
            }
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
