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
/// SRA1004 key below min_key_bits, SRA1005 hard-coded key or IV (or an IV taken from the key), SRA1006 fixed or
/// reused AEAD nonce.
/// </summary>
/// <remarks>
/// Sinks are found by <see cref="KeyMaterialSinks"/>; <c>KeySize</c> constants are checked here. Each buffer is traced
/// within the member body (and through readonly fields initialised in the same file) by <see cref="ByteOriginTracer"/>;
/// parameters, properties and call results are taken as caller-supplied and stay silent here (SRA1010 follows
/// parameters to their call sites). Buffers filled by System.Random are SRA1007's, reported at the call on Random.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyMaterialAnalyzer : RequirementsAnalyzer
{
    public const string RoleProperty = "Role";

    private const string IvAdvice = "generate a fresh IV with RandomNumberGenerator.GetBytes for every message (or move to AesGcm)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.KeyTooShort,
        DiagnosticDescriptors.HardCodedKeyMaterial,
        DiagnosticDescriptors.FixedNonce);

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

        context.RegisterOperationAction(
            c => Analyze(c, types, tracer, reporter),
            OperationKind.ObjectCreation,
            OperationKind.Invocation,
            OperationKind.SimpleAssignment,
            OperationKind.DynamicInvocation);
    }

    private static void Analyze(OperationAnalysisContext context, CryptoTypes types, ByteOriginTracer tracer, Reporter reporter)
    {
        if (context.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "KeySize" } keySize } assignment)
        {
            if (assignment.Value.ConstantValue is { HasValue: true, Value: int bits }
                && CryptoTypes.DerivesFrom(keySize.Property.ContainingType, types.SymmetricAlgorithm) && !types.IsLegacyAlgorithm(keySize.Instance?.Type))
            {
                reporter.KeyTooShort(context, assignment.Syntax.GetLocation(), "KeySize = " + bits.ToString(CultureInfo.InvariantCulture), bits, "set KeySize to {0}");
            }

            return;
        }

        List<KeyMaterialSink>? sinks = null;
        KeyMaterialSinks.Find(context.Operation, types, ref sinks);
        if (sinks is null)
        {
            return;
        }

        foreach (var sink in sinks)
        {
            var settled = CheckBuffer(context, tracer, reporter, sink.Value, sink.Role, sink.Name, sink.CheckKeyLength);
            if (settled)
            {
                continue;
            }

            if (sink.Role == KeyMaterialRole.Nonce && sink.Owner is IInvocationOperation encrypt)
            {
                CheckNonceReuse(context, types, tracer, reporter, encrypt, sink.Value, sink.Name);
            }
            else if (sink.Role == KeyMaterialRole.IV
                && IvFromKey.Describe(sink.Value, sink.PairedKey ?? IvFromKey.KeyOf(sink.Instance, sink.Owner), sink.Instance) is { } fromKey)
            {
                reporter.Report(context, DiagnosticDescriptors.HardCodedKeyMaterial, sink.Value.Syntax.GetLocation(), KeyMaterialRole.IV, "IV", sink.Name, fromKey, IvAdvice);
            }
        }
    }

    /// <summary>Reports what the origin of one buffer shows; true when its origin is settled (reported, or filled by a random generator).</summary>
    private static bool CheckBuffer(OperationAnalysisContext context, ByteOriginTracer tracer, Reporter reporter, IOperation value, KeyMaterialRole role, string sink, bool checkKeyLength = true)
    {
        var origin = tracer.Trace(value);
        var location = value.Syntax.GetLocation();
        var reported = false;
        switch (origin.Kind)
        {
            case ByteOriginKind.SystemRandom:
                return true; // SRA1007, at the call on System.Random

            case ByteOriginKind.Literal or ByteOriginKind.Zeroed when role == KeyMaterialRole.Nonce:
                reporter.Report(context, DiagnosticDescriptors.FixedNonce, location, role, sink, origin.Description);
                return true;

            case ByteOriginKind.Literal or ByteOriginKind.Zeroed:
                reporter.Report(context, DiagnosticDescriptors.HardCodedKeyMaterial, location, role, RoleName(role), sink, origin.Description,
                    role == KeyMaterialRole.Key
                        ? "load the key from your key store or generate it with RandomNumberGenerator.GetBytes"
                        : IvAdvice);
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
