using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Reads how the compilation options change our rules: NoWarn, WarningsAsErrors, WarningsNotAsErrors and rule sets
/// (<c>SpecificDiagnosticOptions</c>), global analyzer configs and .editorconfig sections (the syntax tree options
/// provider), TreatWarningsAsErrors and the warning level. These are where the compiler keeps the severities it applies.
/// </summary>
internal static class CompilationFactsReader
{
    public static CompilationFacts Read(Compilation compilation, ImmutableArray<string> ruleIds, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        var treeOptions = options.SyntaxTreeOptionsProvider;
        var rules = ImmutableArray.CreateBuilder<RuleSeverityFacts>();
        foreach (var id in ruleIds)
        {
            string? specific = null;
            if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specificValue) && specificValue != ReportDiagnostic.Default)
            {
                specific = Name(specificValue);
            }

            string? global = null;
            var perFile = new List<FileSeverity>();
            if (treeOptions is not null)
            {
                if (treeOptions.TryGetGlobalDiagnosticValue(id, cancellationToken, out var globalValue) && globalValue != ReportDiagnostic.Default)
                {
                    global = Name(globalValue);
                }

                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (treeOptions.TryGetDiagnosticValue(tree, id, cancellationToken, out var treeValue) && treeValue != ReportDiagnostic.Default)
                    {
                        perFile.Add(new FileSeverity(tree.FilePath, Name(treeValue)));
                    }
                }
            }

            if (specific is not null || global is not null || perFile.Count > 0)
            {
                perFile.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
                rules.Add(new RuleSeverityFacts(id, specific, global, new EquatableArray<FileSeverity>(perFile)));
            }
        }

        var general = options.GeneralDiagnosticOption switch
        {
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Suppress => "suppress",
            _ => "default",
        };

        return new CompilationFacts(compilation.AssemblyName ?? string.Empty, general, options.WarningLevel, new EquatableArray<RuleSeverityFacts>(rules.ToImmutable()));
    }

    private static string Name(ReportDiagnostic value) => value switch
    {
        ReportDiagnostic.Error => "error",
        ReportDiagnostic.Warn => "warning",
        ReportDiagnostic.Info => "info",
        ReportDiagnostic.Hidden => "hidden",
        _ => "suppress",
    };
}
