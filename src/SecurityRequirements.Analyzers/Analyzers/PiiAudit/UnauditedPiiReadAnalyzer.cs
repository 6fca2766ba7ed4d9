using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// SRA3001: Audit-log every read of personal data.
/// </summary>
/// <remarks>
/// The reads: a personal-data member (<see cref="PiiClassifier"/>), a personal claim of the signed-in user, a
/// UserManager call that returns the user's e-mail, phone number or user name, and a record deconstructed into a
/// variable. A read counts when it is access (<see cref="PiiAccess"/>: data leaving storage for a consumer). For
/// each one, the analyzer looks up the audit calls of its operation block and reports the read whose own body
/// (method, accessor, lambda or local function) or an enclosing body holds no audit call covering every audit
/// field. Writes, nameof, attribute arguments and expression-tree lambdas other than projections are not reads.
/// The analysis is intraprocedural: an audit call in a caller or a callee does not count.
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

    private static readonly ImmutableArray<OperationKind> ReferenceKinds = ImmutableArray.Create(OperationKind.PropertyReference, OperationKind.FieldReference);
    private static readonly ImmutableArray<OperationKind> ReferenceKindsWithParameters = ReferenceKinds.Add(OperationKind.ParameterReference);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.PiiAudit);
        if (controls.IsEmpty)
        {
            return;
        }

        var setup = PiiAuditSetup.For(context.Compilation, controls);

        // Nothing in this compilation or its references can be personal data: nothing to listen to.
        if (!setup.CanFindAny)
        {
            return;
        }

        var identity = setup.Identity;
        var reads = new Reads(setup.Policies, requirements, setup.Logging, identity);

        // One compilation-wide action per kind, not per-block state: almost no reference is to personal data, so
        // the audit calls are looked up in the read's operation block only when a read is found (block start
        // actions and a callback per invocation cost every method body of the project).
        // Parameters hold personal data only as primary-constructor state: without such a constructor in the source,
        // the callback for every parameter reference of the project is not registered.
        context.RegisterOperationAction(
            reads.OnReference,
            PrimaryConstructors.AnyDeclaredIn(context.Compilation, context.CancellationToken) ? ReferenceKindsWithParameters : ReferenceKinds);
        context.RegisterOperationAction(reads.OnDeconstruction, OperationKind.DeconstructionAssignment, OperationKind.RecursivePattern, OperationKind.Loop);
        if (identity.IsActive)
        {
            context.RegisterOperationAction(reads.OnInvocation, OperationKind.Invocation);
        }
    }

    /// <summary>The per-compilation state of the analysis and its callbacks.</summary>
    private sealed class Reads
    {
        private readonly ImmutableArray<PiiAuditPolicy> _policies;
        private readonly RequirementsContext _requirements;
        private readonly LoggingSymbols _logging;
        private readonly IdentitySources _identity;

        // The audit calls of an operation block, collected once however many reads the block holds; the table lets
        // go of a block's list together with its operation tree.
        private readonly ConditionalWeakTable<IOperation, List<IInvocationOperation>> _auditCallsByBlock = new();
        private readonly ConditionalWeakTable<IOperation, List<IInvocationOperation>>.CreateValueCallback _collectAuditCalls;

        public Reads(ImmutableArray<PiiAuditPolicy> policies, RequirementsContext requirements, LoggingSymbols logging, IdentitySources identity)
        {
            _policies = policies;
            _requirements = requirements;
            _logging = logging;
            _identity = identity;
            _collectAuditCalls = root => AuditCallsOfBlock(root, _policies);
        }

        public void OnReference(OperationAnalysisContext context)
        {
            if (PiiOperations.ReferencedMember(context.Operation) is not { } member || IsReadByItsOwnType(member, context.ContainingSymbol))
            {
                return;
            }

            foreach (var policy in _policies)
            {
                switch (policy.Classifier.Classify(member))
                {
                    case PiiKind.Member:
                        if (PiiOperations.IsRead(context.Operation, _logging) && PiiAccess.IsMemberAccess(context.Operation, member, context.ContainingSymbol))
                        {
                            Report(context, policy, context.Operation, context.Operation.Syntax, PiiOperations.DisplayName(member));
                        }

                        break;

                    case PiiKind.ClaimValue:
                        if (_identity.ClaimValueRead((IPropertyReferenceOperation)context.Operation) is { } claim
                            && PiiOperations.IsRead(context.Operation, _logging) && !PiiAccess.OnlyDecidesACondition(context.Operation))
                        {
                            Report(context, policy, context.Operation, ClaimLocation(context.Operation), claim);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// A type reading its own field, property or primary-constructor parameter is not access to personal data
        /// (<see cref="PiiAccess.IsOwnMember"/>), and most reads in a large project are of this kind: one reference
        /// comparison rules them out before any classification. The identity sources (<c>IIdentity.Name</c>,
        /// <c>Claim.Value</c>) are classified whoever reads them.
        /// </summary>
        private bool IsReadByItsOwnType(ISymbol member, ISymbol owner)
        {
            var declaring = PiiOperations.DeclaringType(member);
            return declaring is not null
                && ReferenceEquals(declaring, owner as INamedTypeSymbol ?? owner.ContainingType)
                && !(_identity.IsActive && member.Name is "Name" or "Value");
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!_identity.MayReadByName(invocation.TargetMethod.Name)
                || _identity.InvocationRead(invocation) is not { } read
                || PiiAccess.OnlyDecidesACondition(AwaitOf(invocation)))
            {
                return;
            }

            foreach (var policy in _policies)
            {
                Report(context, policy, invocation, invocation.Syntax, read);
            }
        }

        /// <summary>
        /// A record deconstructed with its compiler-generated Deconstruct (<c>var (id, email) = customer;</c>,
        /// <c>foreach (var (id, email) in customers)</c>, <c>customer is Customer(_, var email)</c>) reads every
        /// positional property it binds to a variable; a discard or a constant pattern reads nothing.
        /// </summary>
        public void OnDeconstruction(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IDeconstructionAssignmentOperation assignment when assignment.Syntax is AssignmentExpressionSyntax syntax && assignment.SemanticModel is { } model:
                    AnalyzeDeconstruction(context, model.GetDeconstructionInfo(syntax).Method, assignment.Target);
                    break;

                case IForEachLoopOperation { LoopControlVariable: { } variable } loop when loop.Syntax is ForEachVariableStatementSyntax syntax && loop.SemanticModel is { } model:
                    AnalyzeDeconstruction(context, model.GetDeconstructionInfo(syntax).Method, variable);
                    break;

                case IRecursivePatternOperation { DeconstructSymbol: IMethodSymbol deconstruct } pattern:
                    var parameters = deconstruct.Parameters;
                    var offset = deconstruct.IsExtensionMethod ? 1 : 0;
                    for (var i = 0; i < pattern.DeconstructionSubpatterns.Length && i + offset < parameters.Length; i++)
                    {
                        if (pattern.DeconstructionSubpatterns[i] is IDeclarationPatternOperation { DeclaredSymbol: not null } declaration)
                        {
                            AnalyzePositional(context, deconstruct, parameters[i + offset], declaration.Syntax);
                        }
                    }

                    break;
            }
        }

        private void AnalyzeDeconstruction(OperationAnalysisContext context, IMethodSymbol? deconstruct, IOperation target)
        {
            if (deconstruct is null)
            {
                return;
            }

            var elements = StripDeclaration(target) is ITupleOperation tuple ? tuple.Elements : ImmutableArray<IOperation>.Empty;
            for (var i = 0; i < elements.Length && i < deconstruct.Parameters.Length; i++)
            {
                var element = StripDeclaration(elements[i]);
                if (element is not IDiscardOperation and not ITupleOperation)
                {
                    AnalyzePositional(context, deconstruct, deconstruct.Parameters[i], elements[i].Syntax);
                }
            }
        }

        /// <summary>The positional property a compiler-generated record Deconstruct's parameter stands for, when it is personal data.</summary>
        private void AnalyzePositional(OperationAnalysisContext context, IMethodSymbol deconstruct, IParameterSymbol parameter, SyntaxNode location)
        {
            if (!deconstruct.IsImplicitlyDeclared || deconstruct.ContainingType is not { IsRecord: true } record)
            {
                return;
            }

            foreach (var candidate in record.GetMembers(parameter.Name))
            {
                if (candidate is not IPropertySymbol property || PiiAccess.IsOwnMember(record, context.ContainingSymbol) || PiiAccess.IsInbound(record))
                {
                    continue;
                }

                foreach (var policy in _policies)
                {
                    if (policy.Classifier.IsPii(property))
                    {
                        Report(context, policy, context.Operation, location, PiiOperations.DisplayName(property));
                    }
                }
            }
        }

        private static IOperation StripDeclaration(IOperation operation) =>
            operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

        /// <summary>The whole <c>User.FindFirst(...)?.Value</c>, not just <c>.Value</c>.</summary>
        private static SyntaxNode ClaimLocation(IOperation reference)
        {
            var syntax = reference.Syntax;
            while (syntax.Parent is ConditionalAccessExpressionSyntax or MemberBindingExpressionSyntax && syntax.Parent is ExpressionSyntax parent)
            {
                syntax = parent;
            }

            return syntax;
        }

        private static IOperation AwaitOf(IOperation invocation) =>
            invocation.Parent is IAwaitOperation await ? await : invocation;

        private void Report(OperationAnalysisContext context, PiiAuditPolicy policy, IOperation read, SyntaxNode location, string display)
        {
            var auditCalls = _auditCallsByBlock.GetValue(Root(read), _collectAuditCalls);
            var missing = BestAuditCall(policy, read, auditCalls);
            if (missing is { Count: 0 })
            {
                return;
            }

            var fields = policy.Fields.Fields;
            var problem = missing is null ? "no audit call" : "audit call lacks " + AuditFieldMatcher.Join(missing);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(MemberProperty, display)
                .Add(FieldsProperty, string.Join(",", fields))
                .Add(AcceptsLoggerProperty, policy.AcceptsLogger ? "true" : "false");
            _requirements.Report(
                context.ReportDiagnostic,
                DiagnosticDescriptors.UnauditedPiiRead,
                policy.Control,
                location.GetLocation(),
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
        /// The missing fields of the most complete audit call that covers the read, or null when none does. An
        /// identity server's event carries every field by construction, so the read that feeds it is the audit.
        /// </summary>
        private static List<string>? BestAuditCall(PiiAuditPolicy policy, IOperation reference, List<IInvocationOperation> invocations)
        {
            List<string>? best = null;
            foreach (var call in invocations)
            {
                if (!policy.IsAuditMethod(call.TargetMethod) || !PiiOperations.IsInside(reference, PiiOperations.EnclosingFunction(call)))
                {
                    continue;
                }

                var missing = PiiAuditPolicy.IsIdentityServerEvent(call.TargetMethod) ? new List<string>() : policy.MissingFieldsOf(call);
                if (best is null || missing.Count < best.Count)
                {
                    best = missing;
                }
            }

            // A log call that carries none of the fields is no audit call at all ("no audit call" says it better).
            return best is not null && best.Count == policy.Fields.Fields.Length && best.Count > 0 ? null : best;
        }
    }
}
