using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers;

/// <summary>
/// The shape every check shares: concurrent, silent in generated code, and one compilation start action
/// that receives the requirements of that compilation. A check registers nothing when no control needs it.
/// </summary>
public abstract class RequirementsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext => OnCompilationStart(compilationContext, RequirementsContext.Create(compilationContext)));
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements);
}
