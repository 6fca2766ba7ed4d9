using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Analyzers;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>Every analyzer of SecurityRequirements.Analyzers, one instance each, in name order.</summary>
internal static class OurAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Load() => typeof(RequirementsAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
