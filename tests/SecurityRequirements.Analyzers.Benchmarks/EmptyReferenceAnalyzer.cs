using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// The floor: an analyzer that registers for property, field and parameter references (as SRA3001 must) and
/// does nothing. Its telemetry is what the driver charges for invoking and timing the callbacks alone.
/// </summary>
#pragma warning disable RS1001 // Instantiated by the harness itself; no compiler discovers or loads it.
internal sealed class EmptyReferenceAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
#pragma warning disable RS2008 // A measuring stick inside the harness: never shipped, never reported, no release to track.
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.ParameterReference);
    }
}
