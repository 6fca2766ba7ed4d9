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
/// Every SymmetricAlgorithm mode (CBC by default, ECB, CFB, OFB, CTS) lacks authentication. Reported at:
/// <list type="bullet">
/// <item>each encryption through an Aes-family SymmetricAlgorithm: <c>CreateEncryptor</c> and the one-shot
/// <c>EncryptCbc</c>/<c>EncryptEcb</c>/<c>EncryptCfb</c> (and Try variants), also through <c>dynamic</c>; the message names
/// the mode set on that instance, in the same body, in the helper that created it, or on the field that holds it;</item>
/// <item>each constant <c>Mode</c> assignment, on any SymmetricAlgorithm (DES and Rijndael included), wherever it is
/// written: configure-and-return helpers, constructors, object initializers;</item>
/// <item>the creation of an Aes-family object that leaves its method (returned, or stored in a field or property
/// that its type does not use to encrypt or decrypt itself), because its encryptions happen where this method cannot see.</item>
/// </list>
/// Decryption-only paths stay silent: a Mode assignment on an instance that the body (or, for a field, its type) only
/// decrypts with is not reported. DES, TripleDES, RC2 and Rijndael encryptions and creations are left to SRA1001.
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

        var modes = new CipherModeResolver(types);
        var reporter = new Finding.Reporter(requirements, controls);

        context.RegisterOperationAction(
            operationContext =>
            {
                var finding = operationContext.Operation switch
                {
                    IInvocationOperation invocation => FromInvocation(invocation, types, modes, operationContext.ContainingSymbol),
                    IDynamicInvocationOperation dynamicCall => FromDynamicInvocation(dynamicCall, types, modes),
                    ISimpleAssignmentOperation assignment => FromModeAssignment(assignment, types, modes),
                    IObjectCreationOperation creation => FromCreation(creation, creation.Type, types, modes, operationContext.ContainingSymbol),
                    _ => null,
                };
                if (finding is not null)
                {
                    reporter.Report(operationContext, finding);
                }
            },
            OperationKind.Invocation,
            OperationKind.DynamicInvocation,
            OperationKind.SimpleAssignment,
            OperationKind.ObjectCreation);
    }

    private static Finding? FromInvocation(IInvocationOperation invocation, CryptoTypes types, CipherModeResolver modes, ISymbol? containingSymbol)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            return method.Name == "Create" ? FromCreation(invocation, method.ReturnType, types, modes, containingSymbol) : null;
        }

        var fixedMode = FixedMode(method.Name);
        if (fixedMode == string.Empty)
        {
            return null; // the name first: this runs for every invocation
        }

        var receiverType = invocation.Instance?.Type;
        if (!CryptoTypes.DerivesFrom(receiverType, types.SymmetricAlgorithm) || types.IsLegacyAlgorithm(receiverType))
        {
            return null;
        }

        var mode = fixedMode is null ? modes.ModeOf(invocation.Instance, invocation) : CipherModeResolver.Constant(fixedMode);
        return new Finding(invocation, method.Name, method.Name, receiverType!.Name, mode);
    }

    private static Finding? FromDynamicInvocation(IDynamicInvocationOperation call, CryptoTypes types, CipherModeResolver modes)
    {
        if (call.Operation is not IDynamicMemberReferenceOperation member)
        {
            return null;
        }

        var fixedName = FixedMode(member.MemberName);
        if (fixedName == string.Empty)
        {
            return null;
        }

        var type = CryptoReceiver.StaticType(member.Instance);
        if (!CryptoTypes.DerivesFrom(type, types.SymmetricAlgorithm) || types.IsLegacyAlgorithm(type))
        {
            return null;
        }

        var mode = fixedName is null ? modes.ModeOf(member.Instance, call) : CipherModeResolver.Constant(fixedName);
        return new Finding(call, member.MemberName, member.MemberName, CryptoReceiver.Describe(member.Instance, type!), mode);
    }

    /// <summary>null for CreateEncryptor (the instance's mode applies), the mode of a one-shot method, or "" for any other name.</summary>
    private static string? FixedMode(string name) => name switch
    {
        "CreateEncryptor" => null,
        "EncryptCbc" or "TryEncryptCbc" => "CBC",
        "EncryptEcb" or "TryEncryptEcb" => "ECB",
        "EncryptCfb" or "TryEncryptCfb" => "CFB",
        _ => string.Empty,
    };

    private static Finding? FromModeAssignment(ISimpleAssignmentOperation assignment, CryptoTypes types, CipherModeResolver modes)
    {
        IOperation? instance;
        ITypeSymbol? algorithm;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Property.Name: "Mode" } property:
                if (!CryptoTypes.DerivesFrom(property.Property.ContainingType, types.SymmetricAlgorithm))
                {
                    return null;
                }

                instance = property.Instance;
                algorithm = instance?.Type ?? property.Property.ContainingType;
                break;

            case IDynamicMemberReferenceOperation { MemberName: "Mode" } member:
                algorithm = CryptoReceiver.StaticType(member.Instance);
                if (!CryptoTypes.DerivesFrom(algorithm, types.SymmetricAlgorithm))
                {
                    return null;
                }

                instance = member.Instance;
                break;

            default:
                return null;
        }

        if (CipherModeResolver.ConstantMode(assignment.Value, types) is not { } mode || modes.OnlyDecrypts(instance, assignment))
        {
            return null;
        }

        return new Finding(assignment, "Mode", "this Mode assignment", CryptoReceiver.Describe(instance, algorithm!), CipherModeResolver.Constant(mode));
    }

    /// <summary>An Aes-family object that leaves the method: reported where it is made, with the mode it was given.</summary>
    private static Finding? FromCreation(IOperation creation, ITypeSymbol? type, CryptoTypes types, CipherModeResolver modes, ISymbol? containingSymbol)
    {
        // The namespace first, without allocating: this runs for every object creation, and the Aes family lives there.
        if (type?.ContainingNamespace is not { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace.Name: "System" } }
            || !CryptoTypes.DerivesFrom(type, types.SymmetricAlgorithm) || types.IsLegacyAlgorithm(type) || type is null
            || (creation is IInvocationOperation factory && !IsAesFactory(factory, types)))
        {
            return null;
        }

        if (modes.Escape(creation, containingSymbol) is not { } escape)
        {
            return null;
        }

        var api = creation is IInvocationOperation call ? call.TargetMethod.ContainingType.Name + ".Create()" : "new " + type.Name + "()";
        return new Finding(creation, "Create", "the object made by " + api + " and " + escape.Where, type.Name, escape.Mode);
    }

    /// <summary><c>Aes.Create()</c>, <c>SymmetricAlgorithm.Create()</c> or a factory call whose constant name is not a legacy cipher (SRA1001's).</summary>
    private static bool IsAesFactory(IInvocationOperation factory, CryptoTypes types)
    {
        if (!CryptoTypes.DerivesFrom(factory.TargetMethod.ContainingType, types.SymmetricAlgorithm) || types.IsLegacyAlgorithm(factory.TargetMethod.ContainingType))
        {
            return false;
        }

        if (factory.Arguments.Length == 0)
        {
            return true;
        }

        var name = ConstantTracer.String(factory.Arguments[0].Value);
        return name is not null && name.IndexOf("AES", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>One SRA1003 finding: where, which API property, the subject of the message, the algorithm and the mode phrase.</summary>
    private sealed class Finding
    {
        public Finding(IOperation at, string api, string subject, string algorithm, CipherModeResolver.Mode mode)
        {
            At = at;
            Api = api;
            Subject = subject;
            Algorithm = algorithm;
            Mode = mode;
        }

        public IOperation At { get; }

        public string Api { get; }

        public string Subject { get; }

        public string Algorithm { get; }

        public CipherModeResolver.Mode Mode { get; }

        public sealed class Reporter
        {
            private readonly RequirementsContext _requirements;
            private readonly ImmutableArray<ControlModel> _controls;

            public Reporter(RequirementsContext requirements, ImmutableArray<ControlModel> controls)
            {
                _requirements = requirements;
                _controls = controls;
            }

            public void Report(OperationAnalysisContext context, Finding finding)
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(ApiProperty, finding.Api).Add(ModeProperty, finding.Mode.Name);
                foreach (var control in _controls)
                {
                    _requirements.Report(
                        context.ReportDiagnostic,
                        DiagnosticDescriptors.NonAeadCipherMode,
                        control,
                        finding.At.Syntax.GetLocation(),
                        context.ContainingSymbol,
                        properties,
                        control.Id,
                        control.Requirement,
                        finding.Subject,
                        finding.Algorithm,
                        finding.Mode.Phrase,
                        EncryptionAdvice.UseAead(control.Encryption));
                }
            }
        }
    }
}
