using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// SRA3002: Do not write personal data to logs.
/// </summary>
/// <remarks>
/// Looks at the arguments of logging calls (ILogger extension methods, <c>ILogger.Log</c>, <c>[LoggerMessage]</c>
/// methods, a team's own logging methods (<see cref="LoggerWrappers"/>), the control's audit methods) and of
/// <c>Console.Write*</c>, <c>Debug.Write*</c> and <c>Trace.Write*</c>. Reported: a PII member, a personal claim
/// of the signed-in user or a UserManager read passed as a value, interpolated into or concatenated with the
/// message, an object whose type has PII members matched to a destructuring placeholder (<c>{@patient}</c>), and a
/// record with a public PII member and the compiler-generated ToString, which prints it. The location is the
/// argument (for an interpolated or concatenated message, the PII part of it).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PiiWrittenToLogAnalyzer : RequirementsAnalyzer
{
    /// <summary>"Id" when the PII value's owner has a public Id to log instead; the code fix needs it.</summary>
    public const string IdPropertyProperty = "IdProperty";

    /// <summary>The owner's type name, for the renamed placeholder ("{PatientId}").</summary>
    public const string OwnerTypeProperty = "OwnerType";

    /// <summary>Index of the template placeholder the value fills, or -1 when it is not a template argument.</summary>
    public const string PlaceholderIndexProperty = "PlaceholderIndex";

    /// <summary>Concatenations deeper than this are not followed; real log messages are short.</summary>
    private const int MaxConcatenationDepth = 32;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PiiWrittenToLog);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.PiiAudit);
        if (controls.IsEmpty)
        {
            return;
        }

        var setup = PiiAuditSetup.For(context.Compilation, controls);

        // Nothing in this compilation or its references can be personal data: no log call can leak any.
        if (!setup.CanFindAny)
        {
            return;
        }

        var logging = setup.Logging;
        var identity = setup.Identity;
        var wrappers = setup.Wrappers;
        var policies = setup.Policies;

        // Without ILogger and [LoggerMessage], every sink is known by its name (Console.WriteLine, Log*/Audit* or a
        // log level on a logger type, an audit_methods glob), so most invocations are dismissed by their name
        // before any symbol is looked at. With them, a logging wrapper can have any name: one lookup per invocation,
        // cached per method.
        var byName = logging.ILogger is null && logging.LoggerMessageAttribute is null;
        var sinks = new ConcurrentDictionary<IMethodSymbol, Sink>(SymbolEqualityComparer.Default);
        var analysis = new Analysis(requirements, logging, identity);
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var target = invocation.TargetMethod;
                if (byName && !MayBeSinkNamed(target.Name, policies))
                {
                    return;
                }

                var method = target.OriginalDefinition;
                if (!sinks.TryGetValue(method, out var sink))
                {
                    sink = sinks.GetOrAdd(method, Classify(method, logging, wrappers, policies));
                }

                if (sink.Role == MethodRole.None)
                {
                    return;
                }

                foreach (var policy in policies)
                {
                    if (sink.Role == MethodRole.Sink || policy.IsAuditMethod(method))
                    {
                        analysis.Analyze(c, invocation, sink.Parameters, policy);
                    }
                }
            },
            OperationKind.Invocation);
    }

    private enum MethodRole
    {
        None,
        Sink,
        AuditOnly,
    }

    /// <summary>
    /// Whether a method named <paramref name="name"/> can be a sink when ILogger and [LoggerMessage] are absent:
    /// Console/Debug/Trace writers, a logger's Log*/Audit*/level methods, or an audit_methods glob. A switch on the
    /// first letter dismisses most names at once.
    /// </summary>
    private static bool MayBeSinkNamed(string name, ImmutableArray<PiiAuditPolicy> policies)
    {
        if (name.Length == 0)
        {
            return false;
        }

        var byFixedName = name[0] switch
        {
            'W' => name.StartsWith("Write", StringComparison.Ordinal) || name is "Warn" or "Warning",
            'T' => name.StartsWith("Trace", StringComparison.Ordinal),
            'P' => name == "Print",
            'F' => name is "Fail" or "Fatal",
            'A' => name == "Assert" || LoggerWrappers.MayBeNamedWrapper(name),
            'L' => LoggerWrappers.MayBeNamedWrapper(name),
            'D' => name == "Debug",
            'V' => name == "Verbose",
            'I' => name is "Info" or "Information",
            'E' => name == "Error",
            'C' => name == "Critical",
            _ => false,
        };

        if (byFixedName)
        {
            return true;
        }

        foreach (var policy in policies)
        {
            if (!policy.CannotBeAuditMethodNamed(name))
            {
                return true;
            }
        }

        return false;
    }

    private static Sink Classify(IMethodSymbol method, LoggingSymbols logging, LoggerWrappers wrappers, ImmutableArray<PiiAuditPolicy> policies)
    {
        if (IsConsoleSink(method, logging) || IsLoggerSink(method, logging))
        {
            return new Sink(MethodRole.Sink, LoggerWrappers.All);
        }

        var wrapped = wrappers.LoggedParameters(method);
        if (wrapped != LoggerWrappers.None)
        {
            return new Sink(MethodRole.Sink, wrapped);
        }

        foreach (var policy in policies)
        {
            if (policy.IsAuditMethod(method))
            {
                return new Sink(MethodRole.AuditOnly, LoggerWrappers.All);
            }
        }

        return default;
    }

    /// <summary>A public instance <c>Id</c> property of the owner (or a base type) that is not itself PII.</summary>
    private static IPropertySymbol? IdOf(INamedTypeSymbol owner, PiiAuditPolicy policy)
    {
        for (var type = owner; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers("Id"))
            {
                if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } id && !policy.Classifier.IsPii(id))
                {
                    return id;
                }
            }
        }

        return null;
    }

    private static bool HasGeneratedToString(INamedTypeSymbol record)
    {
        foreach (var member in record.GetMembers("ToString"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0 } toString && !toString.IsImplicitlyDeclared)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConsoleSink(IMethodSymbol method, LoggingSymbols logging)
    {
        var type = method.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, logging.Console))
        {
            return method.Name is "Write" or "WriteLine";
        }

        if (SymbolEqualityComparer.Default.Equals(type, logging.Debug) || SymbolEqualityComparer.Default.Equals(type, logging.Trace))
        {
            return method.Name.StartsWith("Write", System.StringComparison.Ordinal) || method.Name is "Print" or "Fail" or "Assert"
                || method.Name.StartsWith("Trace", System.StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsLoggerSink(IMethodSymbol method, LoggingSymbols logging) =>
        (logging.LoggerExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, logging.LoggerExtensions))
        || logging.IsILoggerLog(method)
        || logging.LoggerMessage(method) is not null;

    /// <summary>What a call is to this analyzer, and which of its parameters (bits by ordinal) reach the log.</summary>
    private readonly struct Sink
    {
        public Sink(MethodRole role, ulong parameters)
        {
            Role = role;
            Parameters = parameters;
        }

        public MethodRole Role { get; }

        public ulong Parameters { get; }
    }

    /// <summary>The per-compilation state that judges the arguments of one sink call.</summary>
    private sealed class Analysis
    {
        private readonly RequirementsContext _requirements;
        private readonly LoggingSymbols _logging;
        private readonly IdentitySources _identity;

        public Analysis(RequirementsContext requirements, LoggingSymbols logging, IdentitySources identity)
        {
            _requirements = requirements;
            _logging = logging;
            _identity = identity;
        }

        public void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, ulong loggedParameters, PiiAuditPolicy policy)
        {
            var sink = invocation.TargetMethod;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter
                    || (loggedParameters != LoggerWrappers.All && (parameter.Ordinal >= 64 || (loggedParameters & (1UL << parameter.Ordinal)) == 0)))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    // Template arguments bind to placeholders by position, so "{@patient}" decides how element i is written.
                    // The template is parsed only here: most log calls pass no arguments to it.
                    var placeholders = initializer.ElementValues.IsEmpty ? null : TemplateOf(invocation);
                    for (var i = 0; i < initializer.ElementValues.Length; i++)
                    {
                        var destructured = placeholders is not null && i < placeholders.Count && placeholders[i].Destructure;
                        AnalyzeValue(context, initializer.ElementValues[i], destructured, sink, policy, 0, i);
                    }
                }
                else if (_logging.ILogger is null || !SymbolEqualityComparer.Default.Equals(parameter.Type, _logging.ILogger))
                {
                    AnalyzeValue(context, argument.Value, destructured: false, sink, policy, 0, -1);
                }
            }
        }

        /// <summary>The placeholders of the last constant string argument (the message template), or null.</summary>
        private static List<MessageTemplate.Placeholder>? TemplateOf(IInvocationOperation invocation)
        {
            List<MessageTemplate.Placeholder>? placeholders = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string template })
                {
                    placeholders = MessageTemplate.Parse(template);
                }
            }

            return placeholders;
        }

        private void AnalyzeValue(OperationAnalysisContext context, IOperation value, bool destructured, IMethodSymbol sink, PiiAuditPolicy policy, int depth, int placeholderIndex = -1)
        {
            var stripped = PiiOperations.StripConversions(value);
            switch (stripped)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            AnalyzeValue(context, hole.Expression, destructured: false, sink, policy, depth + 1);
                        }
                    }

                    return;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when depth < MaxConcatenationDepth && concatenation.Type?.SpecialType == SpecialType.System_String:
                    AnalyzeValue(context, concatenation.LeftOperand, destructured: false, sink, policy, depth + 1);
                    AnalyzeValue(context, concatenation.RightOperand, destructured: false, sink, policy, depth + 1);
                    return;

                case ICoalesceOperation coalesce when depth < MaxConcatenationDepth:
                    // User.Identity?.Name ?? "anonymous": the value side is what is written.
                    AnalyzeValue(context, coalesce.Value, destructured: false, sink, policy, depth + 1, placeholderIndex);
                    return;
            }

            string? what = null;
            ImmutableDictionary<string, string?>? properties = null;
            var read = stripped is IConditionalAccessOperation access ? Innermost(access) : stripped;
            if (PiiOperations.ReferencedMember(read) is { } member && policy.Classifier.Classify(member) is var kind && kind != PiiKind.None && PiiOperations.IsRead(read, _logging))
            {
                if (kind == PiiKind.ClaimValue)
                {
                    what = _identity.ClaimValueRead((IPropertyReferenceOperation)read);
                }
                else
                {
                    what = PiiOperations.DisplayName(member);
                    // The code fix swaps the member for the owner's Id; it does so only for a plain member access.
                    if (read == stripped && read is IMemberReferenceOperation { Instance.Type: INamedTypeSymbol owner } && IdOf(owner, policy) is { } id)
                    {
                        properties = ImmutableDictionary<string, string?>.Empty
                            .Add(IdPropertyProperty, id.Name)
                            .Add(OwnerTypeProperty, owner.Name)
                            .Add(PlaceholderIndexProperty, placeholderIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
            else if ((stripped is IAwaitOperation { Operation: IInvocationOperation awaited } ? awaited : stripped as IInvocationOperation) is { } call
                && _identity.MayReadByName(call.TargetMethod.Name))
            {
                what = _identity.InvocationRead(call);
            }
            else if (destructured && stripped.Type is { } type && policy.Classifier.FirstPiiMember(type) is { } piiMember)
            {
                what = type.Name + " (destructured with {@...}, it carries " + PiiOperations.DisplayName(piiMember) + ")";
            }
            else if (stripped.Type is INamedTypeSymbol { IsRecord: true } record
                && HasGeneratedToString(record)
                && policy.Classifier.FirstPiiMember(record) is { DeclaredAccessibility: Accessibility.Public } printed)
            {
                // A record's compiler-generated ToString prints every public member, so "{Customer}" logs its personal data.
                what = record.Name + " (a record, whose generated ToString prints " + PiiOperations.DisplayName(printed) + ")";
            }

            if (what is not null)
            {
                _requirements.Report(
                    context.ReportDiagnostic,
                    DiagnosticDescriptors.PiiWrittenToLog,
                    policy.Control,
                    value.Syntax.GetLocation(),
                    context.ContainingSymbol,
                    properties,
                    policy.Control.Id,
                    policy.Control.Requirement,
                    what,
                    sink.ContainingType.Name + "." + sink.Name);
            }
        }

        /// <summary>The member read at the end of <c>a?.b?.c</c>.</summary>
        private static IOperation Innermost(IConditionalAccessOperation access)
        {
            var current = access;
            for (var depth = 0; depth < MaxConcatenationDepth && current.WhenNotNull is IConditionalAccessOperation inner; depth++)
            {
                current = inner;
            }

            return PiiOperations.StripConversions(current.WhenNotNull);
        }
    }
}
