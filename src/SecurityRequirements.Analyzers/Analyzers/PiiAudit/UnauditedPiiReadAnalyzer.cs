using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
/// For each read of a PII member, looks up the audit calls of its operation block and reports the read whose
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

        // The audit calls of an operation block, collected once however many reads the block holds; the table lets
        // go of a block's list together with its operation tree.
        var auditCallsByBlock = new ConditionalWeakTable<IOperation, List<IInvocationOperation>>();
        var collectAuditCalls = new ConditionalWeakTable<IOperation, List<IInvocationOperation>>.CreateValueCallback(root => AuditCallsOfBlock(root, policies));

        // One compilation-wide action, not per-block state: almost no reference is to personal data, so the audit
        // calls are looked up in the read's operation block only when a read is found (block start actions and a
        // callback per invocation cost every method body of the project).
        context.RegisterOperationAction(
            c =>
            {
                if (PiiOperations.ReferencedMember(c.Operation) is not { } member)
                {
                    return;
                }

                List<IInvocationOperation>? auditCalls = null;
                foreach (var policy in policies)
                {
                    if (policy.Classifier.IsPii(member))
                    {
                        auditCalls ??= auditCallsByBlock.GetValue(Root(c.Operation), collectAuditCalls);
                        AnalyzeRead(c, c.Operation, member, policy, requirements, logging, auditCalls);
                    }
                }
            },
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.ParameterReference);
    }

    private static void AnalyzeRead(
        OperationAnalysisContext context,
        IOperation reference,
        ISymbol member,
        PiiAuditPolicy policy,
        RequirementsContext requirements,
        LoggingSymbols logging,
        List<IInvocationOperation> auditCalls)
    {
        if (!PiiOperations.IsRead(reference, logging) || IsStateInitialization(member, context.ContainingSymbol))
        {
            return;
        }

        var missing = BestAuditCall(policy, reference, auditCalls);
        if (missing is { Count: 0 })
        {
            return;
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
            context.ContainingSymbol,
            properties,
            policy.Control.Id,
            policy.Control.Requirement,
            display,
            problem,
            AuditFieldMatcher.Join(fields));
    }

    private static IOperation Root(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>The invocations of the operation block <paramref name="root"/> that call an audit method of any of the policies.</summary>
    private static List<IInvocationOperation> AuditCallsOfBlock(IOperation root, ImmutableArray<PiiAuditPolicy> policies)
    {
        var calls = new List<IInvocationOperation>();
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation)
            {
                foreach (var policy in policies)
                {
                    if (policy.IsAuditMethod(invocation.TargetMethod))
                    {
                        calls.Add(invocation);
                        break;
                    }
                }
            }
        }

        return calls;
    }

    /// <summary>
    /// A primary-constructor parameter used in a field or property initializer, or passed on to the base
    /// constructor, is stored, not used: <c>class Patient(string email) { public string Email { get; } = email; }</c>.
    /// </summary>
    private static bool IsStateInitialization(ISymbol member, ISymbol owner) =>
        member is IParameterSymbol parameter
        && (owner is IFieldSymbol or IPropertySymbol || SymbolEqualityComparer.Default.Equals(owner, parameter.ContainingSymbol));

    /// <summary>The missing fields of the most complete audit call that covers the read, or null when none does.</summary>
    private static List<string>? BestAuditCall(PiiAuditPolicy policy, IOperation reference, List<IInvocationOperation> invocations)
    {
        List<string>? best = null;
        foreach (var call in invocations)
        {
            if (!policy.IsAuditMethod(call.TargetMethod) || !PiiOperations.IsInside(reference, PiiOperations.EnclosingFunction(call)))
            {
                continue;
            }

            var missing = policy.MissingFieldsOf(call);
            if (best is null || missing.Count < best.Count)
            {
                best = missing;
            }
        }

        // A log call that carries none of the fields is no audit call at all ("no audit call" says it better).
        return best is not null && best.Count == policy.Fields.Fields.Length ? null : best;
    }
}
