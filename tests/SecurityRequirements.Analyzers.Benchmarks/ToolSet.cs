using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>One analyzer package (or a rule subset of it) to measure, with the severities that enable its rules.</summary>
internal sealed record ToolSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Severities)
{
    /// <summary>Enables exactly the rules <paramref name="include"/> selects and turns off every other rule of the same analyzers.</summary>
    public static ToolSet Subset(string name, ImmutableArray<DiagnosticAnalyzer> all, Func<DiagnosticDescriptor, bool> include)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var analyzer in all)
        {
            var supported = analyzer.SupportedDiagnostics;
            if (!supported.Any(include))
            {
                continue;
            }

            analyzers.Add(analyzer);
            foreach (var descriptor in supported)
            {
                // An id shared by a selected and an unselected descriptor stays on.
                if (include(descriptor))
                {
                    severities[descriptor.Id] = ReportDiagnostic.Warn;
                }
                else if (!severities.ContainsKey(descriptor.Id))
                {
                    severities[descriptor.Id] = ReportDiagnostic.Suppress;
                }
            }
        }

        return new ToolSet(name, analyzers.ToImmutable(), severities.ToImmutable());
    }
}
