using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.RequirementsFile;

/// <summary>
/// SRA0001–SRA0023: problems in security_requirements.yaml, reported inside the file at the offending
/// line and column. Reported from an additional-file action so the IDE shows them in the YAML as you type;
/// a requirements file the build named but could not use (SRA0020) is reported once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequirementsFileAnalyzer : RequirementsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.YamlSyntaxError,
        DiagnosticDescriptors.WrongNodeType,
        DiagnosticDescriptors.UnknownKey,
        DiagnosticDescriptors.UnknownCheck,
        DiagnosticDescriptors.DuplicateControlId,
        DiagnosticDescriptors.InvalidSeverity,
        DiagnosticDescriptors.InvalidDuration,
        DiagnosticDescriptors.InvalidRegex,
        DiagnosticDescriptors.InvalidSymbolId,
        DiagnosticDescriptors.InvalidGlob,
        DiagnosticDescriptors.WaiverUnknownControl,
        DiagnosticDescriptors.WaiverExpired,
        DiagnosticDescriptors.MissingRequiredKey,
        DiagnosticDescriptors.RequirementsFileTooComplex,
        DiagnosticDescriptors.InvalidParameterValue,
        DiagnosticDescriptors.DuplicateKey,
        DiagnosticDescriptors.RequirementsFileUnusable,
        DiagnosticDescriptors.WaiverProjectWide,
        DiagnosticDescriptors.WaiverOpenEnded,
        DiagnosticDescriptors.WaiverUnapproved,
        DiagnosticDescriptors.InvalidControlId);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var policy = requirements.Policy;
        if (!policy.Problems.IsEmpty)
        {
            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var problem in policy.Problems)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.RequirementsFileUnusable,
                        Location.Create(problem.Path, default, default(LinePositionSpan)),
                        problem.Path,
                        problem.Reason));
                }
            });
        }

        if (policy.UsesBaseline)
        {
            return;
        }

        var filesByPath = new Dictionary<string, Configuration.RequirementsFile>(StringComparer.Ordinal);
        foreach (var file in policy.Files)
        {
            filesByPath[file.Path] = file;
        }

        var compilation = context.Compilation;
        var reach = new Lazy<ProjectReach>(() => ProjectReach.Of(compilation));
        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (filesByPath.TryGetValue(fileContext.AdditionalFile.Path, out var file))
            {
                ReportFile(fileContext, policy, file, reach);
            }
        });
    }

    private static void ReportFile(AdditionalFileAnalysisContext context, ResolvedPolicy policy, Configuration.RequirementsFile file, Lazy<ProjectReach> reach)
    {
        foreach (var error in file.Document.Errors)
        {
            context.ReportDiagnostic(error.ToDiagnostic(file.Path));
        }

        foreach (var duplicate in policy.Duplicates)
        {
            if (ReferenceEquals(duplicate.File, file))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateControlId,
                    duplicate.Control.IdSpan.ToLocation(file.Path),
                    new[] { duplicate.First.IdSpan.ToLocation(duplicate.FirstFile.Path) },
                    duplicate.Control.Id));
            }
        }

        var controlIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var control in policy.Controls)
        {
            controlIds.Add(control.Id);
        }

        foreach (var resolved in policy.Waivers)
        {
            if (!ReferenceEquals(resolved.File, file))
            {
                continue;
            }

            var waiver = resolved.Waiver;
            if (!controlIds.Contains(waiver.ControlId))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverUnknownControl, waiver.ControlSpan.ToLocation(file.Path), waiver.ControlId));
            }

            if (resolved.Expired)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverExpired, waiver.ExpiresSpan.ToLocation(file.Path), waiver.ControlId, waiver.Expires, policy.Today.Value));
                continue;
            }

            if (resolved.OpenEnded)
            {
                var why = waiver.Expires is null
                    ? "has no expiry date"
                    : "expires on " + waiver.Expires + ", more than a year after " + policy.Today.Value;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverOpenEnded,
                    (waiver.Expires is null ? waiver.ControlSpan : waiver.ExpiresSpan).ToLocation(file.Path),
                    waiver.ControlId,
                    why,
                    policy.Today.OneYearLater() ?? "a year from today"));
            }

            if (!resolved.Approved)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverUnapproved, waiver.ControlSpan.ToLocation(file.Path), waiver.ControlId));
            }

            if (WaiverReach.IsProjectWide(resolved, reach.Value.SourcePaths, reach.Value.TypeNamespaces))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverProjectWide,
                    waiver.ScopeSpan.ToLocation(file.Path),
                    waiver.ControlId,
                    WaiverDescriptions.Scope(waiver),
                    waiver.ScopeKind == WaiverScopeKind.Path ? "source file" : "type"));
            }
        }
    }
}
