using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// SRA9001: Do not use a symbol the requirements ban. Code uses a namespace, type or
/// member that a <c>check: banned</c> control lists under <c>parameters.symbols</c>.
/// </summary>
/// <remarks>
/// A use is an invocation, object creation, member reference or <c>typeof</c> of a banned symbol, of a
/// member of a banned type, or of anything in a banned namespace. <c>nameof</c> is not a use.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BannedSymbolAnalyzer : RequirementsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BannedSymbol);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = requirements.ControlsFor(CheckKind.Banned);
        if (SpelledMemberIds.NamesOf(controls) is { } names)
        {
            // Every banned member can only be used by writing its name: files that never spell one are skipped by a
            // text search, and only the names found are bound, instead of a callback for every call in the project.
            // The ids are bound when a file first spells a name, after the compiler has loaded the members they name.
            var compilation = context.Compilation;
            var lazyBans = new Lazy<BannedSymbolSet>(() => BannedSymbolSet.Bind(controls, compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            context.RegisterSemanticModelAction(modelContext => AnalyzeSpelledUses(modelContext, requirements, names, lazyBans));
            return;
        }

        var bans = BannedSymbolSet.Bind(controls, context.Compilation);
        if (bans.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext => Analyze(operationContext.Operation, operationContext.ContainingSymbol, operationContext.ReportDiagnostic, requirements, bans),
            bans.OperationKinds);
    }

    private static void AnalyzeSpelledUses(SemanticModelAnalysisContext context, RequirementsContext requirements, string[] names, Lazy<BannedSymbolSet> lazyBans)
    {
        var model = context.SemanticModel;
        var tree = model.SyntaxTree;
        var positions = new List<int>();
        TextScan.FindPositions(tree.GetText(context.CancellationToken), names, positions);
        if (positions.Count == 0 || lazyBans.Value is not { IsEmpty: false } bans)
        {
            return;
        }

        // A name may be found twice at one place (one banned name starting another): each token is looked at once.
        positions.Sort();
        var root = tree.GetRoot(context.CancellationToken);
        var previous = -1;
        foreach (var position in positions)
        {
            var token = root.FindToken(position);
            if (token.SpanStart == previous
                || !token.IsKind(SyntaxKind.IdentifierToken)
                || !token.Span.Contains(position)
                || token.Parent is not SimpleNameSyntax name
                || !bans.IsMemberName(token.ValueText))
            {
                continue;
            }

            previous = token.SpanStart;
            if (UseOf(name, model, context.CancellationToken) is { } operation)
            {
                Analyze(operation, model.GetEnclosingSymbol(operation.Syntax.SpanStart, context.CancellationToken), context.ReportDiagnostic, requirements, bans);
            }
        }
    }

    /// <summary>The invocation or member reference a written member name makes, or null (a declaration, a type name).</summary>
    private static IOperation? UseOf(SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax expression = name;
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            expression = access;
        }
        else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
        {
            expression = binding;
        }

        if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
        {
            return model.GetOperation(invocation, cancellationToken);
        }

        var operation = model.GetOperation(expression, cancellationToken);
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static void Analyze(IOperation operation, ISymbol? containingSymbol, Action<Diagnostic> reportDiagnostic, RequirementsContext requirements, BannedSymbolSet bans)
    {
        ISymbol? symbol = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod,
            IObjectCreationOperation creation => (ISymbol?)creation.Constructor ?? creation.Type,
            IMemberReferenceOperation reference => reference.Member,
            ITypeOfOperation typeOf => typeOf.TypeOperand,
            _ => null,
        };

        // The ban lookup first: walking up to look for nameof is only worth it for a banned symbol.
        if (symbol is null
            || (!bans.TryFind(symbol, out var ban) && !(operation is IObjectCreationOperation { Type: { } createdType } && bans.TryFindCreatedType(createdType, out ban)))
            || IsInsideNameOf(operation))
        {
            return;
        }

        requirements.Report(
            reportDiagnostic,
            DiagnosticDescriptors.BannedSymbol,
            ban.Control,
            operation.Syntax.GetLocation(),
            containingSymbol,
            properties: null,
            ban.Control.Id,
            ban.Control.Requirement,
            ban.DisplayName,
            ban.Control.Banned!.Instead);
    }

    private static bool IsInsideNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.NameOf)
            {
                return true;
            }
        }

        return false;
    }
}
