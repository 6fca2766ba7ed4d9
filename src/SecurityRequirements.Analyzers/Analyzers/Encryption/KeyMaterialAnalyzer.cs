using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1004 key below min_key_bits, SRA1005 hard-coded key or IV, SRA1006 fixed or reused AEAD nonce,
/// SRA1007 key material from System.Random.
/// </summary>
/// <remarks>
/// Sinks: the key of <c>new AesGcm/AesCcm/ChaCha20Poly1305(key, …)</c>, <c>SymmetricAlgorithm.Key</c>/<c>IV</c>
/// assignments, <c>CreateEncryptor/CreateDecryptor(key, iv)</c>, the IV of the one-shot CBC/CFB methods, the nonce
/// of AEAD <c>Encrypt</c>, and <c>KeySize</c> constants. Each buffer is traced within the member body (and through
/// readonly fields initialised in the same file) by <see cref="ByteOriginTracer"/>; parameters, properties and call
/// results are taken as caller-supplied and stay silent.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyMaterialAnalyzer : RequirementsAnalyzer
{
    public const string RoleProperty = "Role";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.KeyTooShort,
        DiagnosticDescriptors.HardCodedKeyMaterial,
        DiagnosticDescriptors.FixedNonce,
        DiagnosticDescriptors.PredictableKeyMaterial);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        var types = CryptoTypes.Resolve(context.Compilation);
        if (controls.IsEmpty || (types.SymmetricAlgorithm is null && types.AesGcm is null))
        {
            return;
        }

        var tracer = new ByteOriginTracer(types);
        var reporter = new Reporter(requirements, controls);

        context.RegisterOperationAction(c => AnalyzeCreation(c, types, tracer, reporter), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, types, tracer, reporter), OperationKind.Invocation);
        context.RegisterOperationAction(c => AnalyzeAssignment(c, types, tracer, reporter), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, CryptoTypes types, ByteOriginTracer tracer, Reporter reporter)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!types.IsAead(creation.Type) || creation.Arguments.Length == 0)
        {
            return;
        }

        var key = Argument(creation.Arguments, "key");
        if (key is not null)
        {
            CheckBuffer(context, tracer, reporter, key.Value, KeyMaterialRole.Key, "new " + creation.Type!.Name + "(...)");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CryptoTypes types, ByteOriginTracer tracer, Reporter reporter)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.IsStatic || method.Name is not ("Encrypt" or "CreateEncryptor" or "CreateDecryptor"
            or "EncryptCbc" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptCfb" or "DecryptCbc" or "DecryptCfb" or "TryDecryptCbc" or "TryDecryptCfb"))
        {
            return; // cheap name filter before any base-type walk: this runs for every invocation
        }

        var receiverType = invocation.Instance?.Type;

        if (types.IsAead(receiverType) && method.Name == "Encrypt" && Argument(invocation.Arguments, "nonce") is { } nonce)
        {
            var sink = receiverType!.Name + ".Encrypt";
            if (!CheckBuffer(context, tracer, reporter, nonce.Value, KeyMaterialRole.Nonce, sink))
            {
                CheckNonceReuse(context, types, tracer, reporter, invocation, nonce.Value, sink);
            }

            return;
        }

        if (!CryptoTypes.DerivesFrom(receiverType, types.SymmetricAlgorithm))
        {
            return;
        }

        switch (method.Name)
        {
            case "CreateEncryptor" or "CreateDecryptor" when invocation.Arguments.Length == 2:
                // DES and friends are reported by SRA1001; their key sizes would only repeat it.
                CheckBuffer(context, tracer, reporter, invocation.Arguments[0].Value, KeyMaterialRole.Key, method.Name, !types.IsLegacyAlgorithm(receiverType));
                CheckBuffer(context, tracer, reporter, invocation.Arguments[1].Value, KeyMaterialRole.IV, method.Name);
                break;

            case "EncryptCbc" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptCfb" or "DecryptCbc" or "DecryptCfb" or "TryDecryptCbc" or "TryDecryptCfb":
                if (Argument(invocation.Arguments, "iv") is { } iv)
                {
                    CheckBuffer(context, tracer, reporter, iv.Value, KeyMaterialRole.IV, method.Name);
                }

                break;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, CryptoTypes types, ByteOriginTracer tracer, Reporter reporter)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        // The name first, as for invocations: this runs for every assignment, and only three names matter.
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Key" or "IV" or "KeySize" } property } target
            || !CryptoTypes.DerivesFrom(property.ContainingType, types.SymmetricAlgorithm))
        {
            return;
        }

        switch (property.Name)
        {
            case "Key":
                CheckBuffer(context, tracer, reporter, assignment.Value, KeyMaterialRole.Key, SinkName(target, property), !types.IsLegacyAlgorithm(target.Instance?.Type));
                break;
            case "IV":
                CheckBuffer(context, tracer, reporter, assignment.Value, KeyMaterialRole.IV, SinkName(target, property));
                break;
            case "KeySize" when assignment.Value.ConstantValue is { HasValue: true, Value: int bits } && !types.IsLegacyAlgorithm(target.Instance?.Type):
                reporter.KeyTooShort(context, assignment.Syntax.GetLocation(), "KeySize = " + bits.ToString(CultureInfo.InvariantCulture), bits, "set KeySize to {0}");
                break;
        }
    }

    private static string SinkName(IPropertyReferenceOperation target, IPropertySymbol property) =>
        (target.Instance?.Type?.Name ?? property.ContainingType.Name) + "." + property.Name;

    /// <summary>Reports what the origin of one buffer shows; true when something was reported.</summary>
    private static bool CheckBuffer(OperationAnalysisContext context, ByteOriginTracer tracer, Reporter reporter, IOperation value, KeyMaterialRole role, string sink, bool checkKeyLength = true)
    {
        var origin = tracer.Trace(value);
        var location = value.Syntax.GetLocation();
        var reported = false;
        switch (origin.Kind)
        {
            case ByteOriginKind.SystemRandom:
                reporter.Report(context, DiagnosticDescriptors.PredictableKeyMaterial, location, role, RoleName(role), sink);
                return true;

            case ByteOriginKind.Literal or ByteOriginKind.Zeroed when role == KeyMaterialRole.Nonce:
                reporter.Report(context, DiagnosticDescriptors.FixedNonce, location, role, sink, origin.Description);
                return true;

            case ByteOriginKind.Literal or ByteOriginKind.Zeroed:
                reporter.Report(context, DiagnosticDescriptors.HardCodedKeyMaterial, location, role, RoleName(role), sink, origin.Description,
                    role == KeyMaterialRole.Key
                        ? "load the key from your key store or generate it with RandomNumberGenerator.GetBytes"
                        : "generate a fresh IV with RandomNumberGenerator.GetBytes for every message (or move to AesGcm)");
                reported = true;
                break;
        }

        if (checkKeyLength && role == KeyMaterialRole.Key && origin.Length is { } length && length > 0)
        {
            // Name where the bytes come from: the reported expression may be a local or field whose name says nothing of its size.
            var described = string.IsNullOrEmpty(origin.Description) ? string.Empty : ", from " + origin.Description + ",";
            reporter.KeyTooShort(context, location, "the " + length.ToString(CultureInfo.InvariantCulture) + "-byte key passed to " + sink + described, length * 8, "use a {1}-byte key");
        }

        return reported;
    }

    /// <summary>The same nonce buffer encrypted with twice, or once per loop iteration without being refilled.</summary>
    private static void CheckNonceReuse(OperationAnalysisContext context, CryptoTypes types, ByteOriginTracer tracer, Reporter reporter, IInvocationOperation sink, IOperation nonce, string sinkName)
    {
        var symbol = OperationTree.ReferencedSymbol(nonce);
        if (symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return;
        }

        var sinkStart = sink.Syntax.SpanStart;
        var loop = EnclosingLoop(sink);
        var previousEncrypt = -1;
        var refilledSincePrevious = false;
        var refilledInLoop = false;
        var declaredInLoop = false;
        foreach (var operation in OperationTree.Root(sink).Descendants())
        {
            var start = operation.Syntax.SpanStart;
            var inLoop = loop is not null && loop.Syntax.Span.Contains(operation.Syntax.Span);
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when inLoop && SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    declaredInLoop = true;
                    break;

                case ISimpleAssignmentOperation assignment when OperationTree.IsReferenceTo(assignment.Target, symbol):
                    refilledInLoop |= inLoop;
                    refilledSincePrevious |= start < sinkStart;
                    break;

                case IInvocationOperation invocation when start < sinkStart && ReferenceEquals(invocation, sink) is false
                    && types.IsAead(invocation.Instance?.Type) && invocation.TargetMethod.Name == "Encrypt"
                    && Argument(invocation.Arguments, "nonce") is { } other && OperationTree.IsReferenceTo(other.Value, symbol):
                    previousEncrypt = start;
                    refilledSincePrevious = false;
                    break;

                // Refilled with random bytes, or rewritten by other code (a counter written with BinaryPrimitives, a copy):
                // either way not the same nonce again.
                case IInvocationOperation invocation when tracer.FillKind(invocation, symbol) != ByteOriginKind.Unknown || ByteOriginTracer.WritesInto(invocation, symbol):
                case IArrayElementReferenceOperation { Parent: IAssignmentOperation write } element when write.Target == element && OperationTree.IsReferenceTo(element.ArrayReference, symbol):
                    refilledInLoop |= inLoop;
                    refilledSincePrevious |= start < sinkStart;
                    break;
            }
        }

        string? problem = null;
        if (previousEncrypt >= 0 && !refilledSincePrevious)
        {
            problem = "the buffer already used by the Encrypt call on line " + LineOf(sink, previousEncrypt);
        }
        else if (loop is not null && !declaredInLoop && !refilledInLoop)
        {
            problem = "the same buffer on every iteration of the loop on line " + LineOf(sink, loop.Syntax.SpanStart);
        }

        if (problem is not null)
        {
            reporter.Report(context, DiagnosticDescriptors.FixedNonce, nonce.Syntax.GetLocation(), KeyMaterialRole.Nonce, sinkName, problem);
        }
    }

    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation loop)
            {
                return loop;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }

    private static string LineOf(IOperation operation, int position) =>
        (operation.Syntax.SyntaxTree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);

    private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    private static string RoleName(KeyMaterialRole role) => role switch
    {
        KeyMaterialRole.Key => "key",
        KeyMaterialRole.IV => "IV",
        _ => "nonce",
    };

    /// <summary>Reports one finding for every encryption control, through the control's severity and waivers.</summary>
    private sealed class Reporter
    {
        private readonly RequirementsContext _requirements;
        private readonly ImmutableArray<ControlModel> _controls;

        public Reporter(RequirementsContext requirements, ImmutableArray<ControlModel> controls)
        {
            _requirements = requirements;
            _controls = controls;
        }

        public void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, KeyMaterialRole role, params object[] arguments)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(RoleProperty, RoleName(role));
            foreach (var control in _controls)
            {
                var all = new object[arguments.Length + 2];
                all[0] = control.Id;
                all[1] = control.Requirement;
                arguments.CopyTo(all, 2);
                _requirements.Report(context.ReportDiagnostic, descriptor, control, location, context.ContainingSymbol, properties, all);
            }
        }

        public void KeyTooShort(OperationAnalysisContext context, Location location, string what, int bits, string fixFormat)
        {
            foreach (var control in _controls)
            {
                var minimum = control.Encryption.MinKeyBits;
                if (bits >= minimum)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(RoleProperty, "key")
                    .Add("MinKeyBits", minimum.ToString(CultureInfo.InvariantCulture));
                var fix = string.Format(CultureInfo.InvariantCulture, fixFormat, minimum, minimum / 8);
                _requirements.Report(context.ReportDiagnostic, DiagnosticDescriptors.KeyTooShort, control, location, context.ContainingSymbol, properties,
                    control.Id, control.Requirement, what, bits.ToString(CultureInfo.InvariantCulture), minimum.ToString(CultureInfo.InvariantCulture), fix);
            }
        }
    }
}
