using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// SRA1010: Do not pass hard-coded keys or IVs into encryption methods.
/// </summary>
/// <remarks>
/// A key, IV or nonce that reaches a cipher (the sinks of <see cref="KeyMaterialSinks"/>) from a parameter of its
/// method, directly or through an encoding, hash or key derivation, is a candidate. Calls of source methods with
/// string or byte parameters are tallied as the compilation is analysed: for each parameter, whether the argument is a
/// string literal or constant, a byte array literal, an encoded literal, or a readonly field holding one. At
/// compilation end a candidate whose every call passes such a value (at least one call; the method not virtual, not an
/// interface implementation, not used as a delegate) is reported at the cipher. Only cheap argument shapes are
/// tallied, and only for methods that take strings or bytes, so the cost stays linear in the number of calls.
/// Compilation-end diagnostics appear after a build, or in the IDE with full solution analysis, not as you type.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedKeyArgumentAnalyzer : RequirementsAnalyzer
{
    private const string KeyAdvice = "load the key from your key store at run time, or generate it with RandomNumberGenerator.GetBytes, and pass that";
    private const string StringLiteral = "a string literal";

    /// <summary>Cached delegate: the field cache is consulted for every readonly field argument.</summary>
    private static readonly Func<IFieldSymbol, string> ReadFieldValue = ReadonlyFieldValue;

    private const string IvAdvice = "generate a fresh IV or nonce with RandomNumberGenerator.GetBytes for every message instead of taking it from the callers";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardCodedKeyArgument);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Encryption);
        var types = CryptoTypes.Resolve(context.Compilation);
        if (controls.IsEmpty || (types.SymmetricAlgorithm is null && types.AesGcm is null))
        {
            return;
        }

        var tracer = new ByteOriginTracer(types);
        var assembly = context.Compilation.Assembly;
        var candidates = new ConcurrentBag<Candidate>();

        // Facts about calls are queued, not aggregated: most calls are of methods that never become candidates, and a
        // queue append costs less than hashing the method. They are grouped at the end, for the candidates only.
        var calls = new ConcurrentQueue<IMethodSymbol>();
        var hardCoded = new ConcurrentQueue<HardCodedArgument>();
        var escaped = new ConcurrentQueue<IMethodSymbol>();
        var fields = new ConcurrentDictionary<IFieldSymbol, string>(SymbolEqualityComparer.Default);

        context.RegisterOperationAction(
            operationContext =>
            {
                var operation = operationContext.Operation;
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        RecordCall(invocation.TargetMethod, invocation.Arguments, assembly, calls, hardCoded, fields, tracer);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        RecordCall(constructor, creation.Arguments, assembly, calls, hardCoded, fields, tracer);
                        break;
                }

                List<KeyMaterialSink>? sinks = null;
                KeyMaterialSinks.Find(operation, types, ref sinks);
                if (sinks is null)
                {
                    return;
                }

                foreach (var sink in sinks)
                {
                    var origin = tracer.Trace(sink.Value);
                    if (origin.Kind == ByteOriginKind.Parameter && origin.Parameter is { ContainingSymbol: IMethodSymbol method } parameter)
                    {
                        candidates.Add(new Candidate(method.OriginalDefinition, parameter.Ordinal, sink.Role, sink.Name, origin.Description, sink.Value.Syntax.GetLocation(), operationContext.ContainingSymbol));
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.SimpleAssignment,
            OperationKind.DynamicInvocation);

        context.RegisterOperationAction(
            operationContext =>
            {
                var method = ((IMethodReferenceOperation)operationContext.Operation).Method.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, assembly))
                {
                    escaped.Enqueue(method);
                }
            },
            OperationKind.MethodReference);

        context.RegisterCompilationEndAction(endContext =>
        {
            if (candidates.IsEmpty)
            {
                return;
            }

            var tallies = new Dictionary<IMethodSymbol, CallSiteTally>(SymbolEqualityComparer.Default);
            foreach (var candidate in candidates)
            {
                if (!tallies.ContainsKey(candidate.Method))
                {
                    tallies.Add(candidate.Method, new CallSiteTally(candidate.Method.Parameters.Length));
                }
            }

            foreach (var method in calls)
            {
                if (tallies.TryGetValue(method, out var tally))
                {
                    tally.Calls++;
                }
            }

            foreach (var argument in hardCoded)
            {
                if (tallies.TryGetValue(argument.Method, out var tally))
                {
                    tally.Add(argument);
                }
            }

            foreach (var method in escaped)
            {
                if (tallies.TryGetValue(method, out var tally))
                {
                    tally.Escapes = true;
                }
            }

            foreach (var candidate in candidates)
            {
                var tally = tallies[candidate.Method];
                if (tally.AllHardCoded(candidate.Ordinal) is not { } first || MayHaveUnseenCallers(candidate.Method))
                {
                    continue;
                }

                var role = candidate.Role switch
                {
                    KeyMaterialRole.Key => "key",
                    KeyMaterialRole.IV => "IV",
                    _ => "nonce",
                };
                var where = first.Describe(fields);
                var described = tally.Calls == 1 ? where : tally.Calls.ToString(CultureInfo.InvariantCulture) + " calls, the first " + where;
                foreach (var control in controls)
                {
                    requirements.Report(
                        endContext.ReportDiagnostic,
                        DiagnosticDescriptors.HardCodedKeyArgument,
                        control,
                        candidate.Location,
                        candidate.ContainingSymbol,
                        ImmutableDictionary<string, string?>.Empty.Add(KeyMaterialAnalyzer.RoleProperty, role),
                        control.Id,
                        control.Requirement,
                        role,
                        candidate.Sink,
                        candidate.Origin,
                        candidate.Method.Name,
                        described,
                        candidate.Role == KeyMaterialRole.Key ? KeyAdvice : IvAdvice);
                }
            }
        });
    }

    /// <summary>Queues one call of a source method and, per string or byte parameter, any hard-coded value it is given.</summary>
    private static void RecordCall(
        IMethodSymbol target,
        ImmutableArray<IArgumentOperation> arguments,
        IAssemblySymbol assembly,
        ConcurrentQueue<IMethodSymbol> calls,
        ConcurrentQueue<HardCodedArgument> hardCoded,
        ConcurrentDictionary<IFieldSymbol, string> fields,
        ByteOriginTracer tracer)
    {
        // Cheap exits first: this runs for every call. Every call of a source method given text or bytes is queued (a
        // candidate's calls must all be counted); an argument is examined only when its type is text or bytes.
        // Public symbols are cached per symbol, so the same assembly is the same instance (no comparer needed).
        if (arguments.IsEmpty || !ReferenceEquals(target.ContainingAssembly, assembly))
        {
            return;
        }

        var method = target.OriginalDefinition;
        var givenTextOrBytes = false;
        foreach (var argument in arguments)
        {
            // The argument's own type (the conversion to the parameter's type, when there is one): IParameterSymbol.Type
            // builds a new public symbol for nullable-annotated types on every access.
            if (argument.Value.Type is not { } type || !IsTextOrBytes(type))
            {
                continue;
            }

            givenTextOrBytes = true;
            if (HardCoded(argument.Value, fields, tracer) is { } detail && argument.Parameter is { } parameter)
            {
                hardCoded.Enqueue(new HardCodedArgument(method, parameter.Ordinal, detail, argument.Syntax));
            }
        }

        // A key, IV or nonce parameter is text or bytes, so every call of a candidate passes some: other calls need no count.
        if (givenTextOrBytes)
        {
            calls.Enqueue(method);
        }
    }

    private static bool IsTextOrBytes(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte or SpecialType.System_Char }
        || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } span
            && span.TypeArguments[0].SpecialType is SpecialType.System_Byte or SpecialType.System_Char);

    /// <summary>
    /// What makes an argument hard-coded, or null: a phrase (a literal), or the constant or readonly field it reads, named
    /// only when a diagnostic needs it. Only shapes that need no walk of the caller's body; nothing is built for a miss.
    /// </summary>
    private static object? HardCoded(IOperation value, ConcurrentDictionary<IFieldSymbol, string> fields, ByteOriginTracer tracer)
    {
        switch (OperationTree.SkipConversions(value))
        {
            case ILiteralOperation literal:
                return literal.ConstantValue.Value is string ? StringLiteral : null;

            case IFieldReferenceOperation { Field: { IsConst: true } constant }:
                return constant.ConstantValue is string ? constant : null;

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when IsTextOrBytes(field.Type):
                return fields.GetOrAdd(field, ReadFieldValue).Length == 0 ? null : field;

            case IArrayCreationOperation { IsImplicit: false } creation when creation.Type is { } arrayType && IsTextOrBytes(arrayType):
                return Literal(tracer.Trace(creation));

            case IInvocationOperation { TargetMethod.Name: "GetBytes" or "FromBase64String" or "FromHexString", Arguments.Length: > 0 } invocation
                when OperationTree.SkipConversions(invocation.Arguments[0].Value) is ILiteralOperation or IFieldReferenceOperation { Field.IsConst: true }:
                return Literal(tracer.Trace(invocation));

            case IInterpolatedStringOperation or IBinaryOperation when value.ConstantValue.Value is string:
                return StringLiteral;

            default:
                return null;
        }
    }

    private static string? Literal(ByteOrigin origin) => origin.Kind == ByteOriginKind.Literal ? StripLine(origin.Description) : null;

    /// <summary>
    /// What a readonly field is initialised with, read from its declaration's syntax so that the answer is the same
    /// whichever file the reference is in: a string literal, a byte array of literals, or an encoded string literal.
    /// </summary>
    private static string ReadonlyFieldValue(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value })
            {
                continue;
            }

            switch (value)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return "a string literal";
                case ArrayCreationExpressionSyntax { Initializer: { } elements } when AllLiterals(elements.Expressions):
                case ImplicitArrayCreationExpressionSyntax { Initializer: var implicitElements } when AllLiterals(implicitElements.Expressions):
                case InitializerExpressionSyntax { Expressions: var bare } when AllLiterals(bare):
                    return "a byte array literal";
                case CollectionExpressionSyntax collection when collection.Elements.Count > 0 && collection.Elements.All(e => e is ExpressionElementSyntax { Expression: LiteralExpressionSyntax }):
                    return "a byte array literal";
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBytes" or "FromBase64String" or "FromHexString" }, ArgumentList.Arguments: { Count: 1 } encodedArguments } when encodedArguments[0].Expression is LiteralExpressionSyntax:
                    return "an encoded string literal";
            }
        }

        return string.Empty;
    }

    private static bool AllLiterals(SeparatedSyntaxList<ExpressionSyntax> expressions) =>
        expressions.Count > 0 && expressions.All(e => e is LiteralExpressionSyntax);

    /// <summary>The tracer's descriptions end in " (line N)"; here the call site names the place.</summary>
    private static string StripLine(string description)
    {
        var at = description.IndexOf(" (line ", System.StringComparison.Ordinal);
        return at < 0 ? description : description.Substring(0, at) + description.Substring(description.IndexOf(')', at) + 1);
    }

    /// <summary>Virtual, abstract and interface methods can be called through a base; extern ones from outside.</summary>
    private static bool MayHaveUnseenCallers(IMethodSymbol method)
    {
        if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || !method.ExplicitInterfaceImplementations.IsEmpty
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction or MethodKind.StaticConstructor))
        {
            return true;
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A hard-coded value passed to a source method: which method and parameter, what it is (a phrase, or the field it reads), and where.</summary>
    private readonly struct HardCodedArgument
    {
        public HardCodedArgument(IMethodSymbol method, int ordinal, object detail, SyntaxNode syntax)
        {
            Method = method;
            Ordinal = ordinal;
            Detail = detail;
            Syntax = syntax;
        }

        public IMethodSymbol Method { get; }

        public int Ordinal { get; }

        public object Detail { get; }

        public SyntaxNode Syntax { get; }

        /// <summary>"a string literal at line 12 of Program.cs", "the constant Key at …", "the readonly field FixedIv, a byte array literal, at …".</summary>
        public string Describe(ConcurrentDictionary<IFieldSymbol, string> fields)
        {
            var what = Detail switch
            {
                IFieldSymbol { IsConst: true } constant => "the constant " + constant.Name,
                IFieldSymbol field => "the readonly field " + field.Name + ", " + fields.GetOrAdd(field, ReadFieldValue) + ",",
                _ => (string)Detail,
            };
            var span = Syntax.GetLocation().GetLineSpan();
            return what + " at line " + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + " of " + Path.GetFileName(span.Path);
        }
    }

    /// <summary>The calls of one candidate method, grouped at compilation end.</summary>
    private sealed class CallSiteTally
    {
        private readonly int[] _hardCoded;
        private readonly HardCodedArgument?[] _first;

        public CallSiteTally(int parameterCount)
        {
            _hardCoded = new int[parameterCount];
            _first = new HardCodedArgument?[parameterCount];
        }

        public int Calls { get; set; }

        /// <summary>Also used as a delegate: its callers are not all known.</summary>
        public bool Escapes { get; set; }

        public void Add(HardCodedArgument argument)
        {
            if (argument.Ordinal >= _hardCoded.Length)
            {
                return;
            }

            _hardCoded[argument.Ordinal]++;
            if (_first[argument.Ordinal] is not { } first || Precedes(argument.Syntax, first.Syntax))
            {
                _first[argument.Ordinal] = argument;
            }
        }

        /// <summary>The first hard-coded value in source order, when every call passes one for the parameter; else null.</summary>
        public HardCodedArgument? AllHardCoded(int ordinal) =>
            !Escapes && Calls > 0 && ordinal < _hardCoded.Length && _hardCoded[ordinal] == Calls ? _first[ordinal] : null;

        private static bool Precedes(SyntaxNode a, SyntaxNode b)
        {
            var byPath = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
            return byPath < 0 || (byPath == 0 && a.SpanStart < b.SpanStart);
        }
    }

    /// <summary>A key, IV or nonce that comes from a parameter: the method and parameter, and what to say at the cipher.</summary>
    private sealed class Candidate
    {
        public Candidate(IMethodSymbol method, int ordinal, KeyMaterialRole role, string sink, string origin, Location location, ISymbol? containingSymbol)
        {
            Method = method;
            Ordinal = ordinal;
            Role = role;
            Sink = sink;
            Origin = origin;
            Location = location;
            ContainingSymbol = containingSymbol;
        }

        public IMethodSymbol Method { get; }

        public int Ordinal { get; }

        public KeyMaterialRole Role { get; }

        public string Sink { get; }

        public string Origin { get; }

        public Location Location { get; }

        public ISymbol? ContainingSymbol { get; }
    }
}
