using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers;

/// <summary>
/// The shape every check shares: concurrent, analysing generated code like any other, and one compilation start action
/// that receives the requirements of that compilation. A check registers nothing when no control needs it.
/// </summary>
public abstract class RequirementsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Security rules hold in generated code too: a violation there ships like any other. A control can opt out (skip_generated_code).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(compilationContext => OnCompilationStart(compilationContext, RequirementsContext.Create(compilationContext)));
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements);
}
