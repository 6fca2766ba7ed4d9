using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// SRA3001: Audit-log every read of personal data.
/// </summary>
/// <remarks>
/// Per operation block, collects the reads of PII members and the audit calls, then reports each read whose
/// own body (method, accessor, lambda or local function) or an enclosing body holds no audit call covering
/// every audit field. Writes, nameof, attribute arguments and expression-tree lambdas are not reads. The
/// analysis is intraprocedural: an audit call in a caller or a callee does not count.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnauditedPiiReadAnalyzer : RequirementsAnalyzer
{
    /// <summary>"Patient.Email": the member the read names, for the code fix's action argument.</summary>
    public const string MemberProperty = "Member";

    /// <summary>The control's audit fields, comma-separated, in configuration order.</summary>
    public const string FieldsProperty = "Fields";

    /// <summary>"true" when ILogger logging counts as audit logging, so a [LoggerMessage] helper satisfies the rule.</summary>
    public const string AcceptsLoggerProperty = "AcceptsLogger";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnauditedPiiRead);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.PiiAudit);
        if (controls.IsEmpty)
        {
            return;
        }

        var logging = new LoggingSymbols(context.Compilation);
        var policies = PiiAuditPolicy.Create(controls, context.Compilation, logging);

        context.RegisterOperationBlockStartAction(blockContext =>
        {
            var block = new BlockState();
            blockContext.RegisterOperationAction(
                c =>
                {
                    if (PiiOperations.ReferencedMember(c.Operation) is { } member)
                    {
                        foreach (var policy in policies)
                        {
                            if (policy.Classifier.IsPii(member))
                            {
                                block.AddRead(c.Operation, member);
                                break;
                            }
                        }
                    }
                },
                OperationKind.PropertyReference,
                OperationKind.FieldReference,
                OperationKind.ParameterReference);

            blockContext.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    foreach (var policy in policies)
                    {
                        if (policy.IsAuditMethod(invocation.TargetMethod))
                        {
                            block.AddAuditCall(invocation);
                            break;
                        }
                    }
                },
                OperationKind.Invocation);

            blockContext.RegisterOperationBlockEndAction(c => block.Report(c, requirements, policies, logging));
        });
    }

    /// <summary>The reads and audit calls of one operation block; operation actions of a block may run concurrently, hence the lock.</summary>
    private sealed class BlockState
    {
        private readonly object _gate = new();
        private List<(IOperation Reference, ISymbol Member)>? _reads;
        private List<IInvocationOperation>? _auditCalls;

        public void AddRead(IOperation reference, ISymbol member)
        {
            lock (_gate)
            {
                (_reads ??= new()).Add((reference, member));
            }
        }

        public void AddAuditCall(IInvocationOperation call)
        {
            lock (_gate)
            {
                (_auditCalls ??= new()).Add(call);
            }
        }

        public void Report(OperationBlockAnalysisContext context, RequirementsContext requirements, ImmutableArray<PiiAuditPolicy> policies, LoggingSymbols logging)
        {
            if (_reads is null)
            {
                return;
            }

            // Source order keeps the reported diagnostics deterministic whatever order the actions ran in.
            _reads.Sort((a, b) => a.Reference.Syntax.SpanStart.CompareTo(b.Reference.Syntax.SpanStart));
            foreach (var policy in policies)
            {
                var missingByCall = new Dictionary<IInvocationOperation, List<string>>();
                foreach (var (reference, member) in _reads)
                {
                    if (!policy.Classifier.IsPii(member) || !PiiOperations.IsRead(reference, logging) || IsStateInitialization(member, context.OwningSymbol))
                    {
                        continue;
                    }

                    var missing = BestAuditCall(policy, reference, missingByCall);
                    if (missing is { Count: 0 })
                    {
                        continue;
                    }

                    var fields = policy.Fields.Fields;
                    var problem = missing is null ? "no audit call" : "audit call lacks " + AuditFieldMatcher.Join(missing);
                    var display = PiiOperations.DisplayName(member);
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(MemberProperty, display)
                        .Add(FieldsProperty, string.Join(",", fields))
                        .Add(AcceptsLoggerProperty, policy.AcceptsLogger ? "true" : "false");
                    requirements.Report(
                        context.ReportDiagnostic,
                        DiagnosticDescriptors.UnauditedPiiRead,
                        policy.Control,
                        reference.Syntax.GetLocation(),
                        context.OwningSymbol,
                        properties,
                        policy.Control.Id,
                        policy.Control.Requirement,
                        display,
                        problem,
                        AuditFieldMatcher.Join(fields));
                }
            }
        }

        /// <summary>
        /// A primary-constructor parameter used in a field or property initializer, or passed on to the base
        /// constructor, is stored, not used: <c>class Patient(string email) { public string Email { get; } = email; }</c>.
        /// </summary>
        private static bool IsStateInitialization(ISymbol member, ISymbol owner) =>
            member is IParameterSymbol parameter
            && (owner is IFieldSymbol or IPropertySymbol || SymbolEqualityComparer.Default.Equals(owner, parameter.ContainingSymbol));

        /// <summary>The missing fields of the most complete audit call that covers the read, or null when none does.</summary>
        private List<string>? BestAuditCall(PiiAuditPolicy policy, IOperation reference, Dictionary<IInvocationOperation, List<string>> missingByCall)
        {
            if (_auditCalls is null)
            {
                return null;
            }

            List<string>? best = null;
            foreach (var call in _auditCalls)
            {
                if (!policy.IsAuditMethod(call.TargetMethod) || !PiiOperations.IsInside(reference, PiiOperations.EnclosingFunction(call)))
                {
                    continue;
                }

                if (!missingByCall.TryGetValue(call, out var missing))
                {
                    missing = policy.MissingFields(call);
                    missingByCall.Add(call, missing);
                }

                if (best is null || missing.Count < best.Count)
                {
                    best = missing;
                }
            }

            // A log call that carries none of the fields is no audit call at all ("no audit call" says it better).
            return best is not null && best.Count == policy.Fields.Fields.Length ? null : best;
        }
    }
}
