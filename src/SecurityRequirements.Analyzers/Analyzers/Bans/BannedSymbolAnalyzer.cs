using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

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
        var bans = BannedSymbolSet.Bind(requirements.ControlsFor(CheckKind.Banned), context.Compilation);
        if (bans.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext => AnalyzeOperation(operationContext, requirements, bans),
            bans.OperationKinds);
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, RequirementsContext requirements, BannedSymbolSet bans)
    {
        var operation = context.Operation;
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
            context.ReportDiagnostic,
            DiagnosticDescriptors.BannedSymbol,
            ban.Control,
            operation.Syntax.GetLocation(),
            context.ContainingSymbol,
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
