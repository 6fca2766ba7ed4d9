using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.RequirementsFile;

/// <summary>
/// SRA0001–SRA0018: problems in security_requirements.yaml, reported inside the file at the offending
/// line and column. Reported from an additional-file action so the IDE shows them in the YAML as you type.
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
        DiagnosticDescriptors.InvalidControlId);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        if (requirements.UsesBaseline)
        {
            return;
        }

        var filesByPath = new Dictionary<string, Configuration.RequirementsFile>(StringComparer.Ordinal);
        foreach (var file in requirements.Files)
        {
            filesByPath[file.Path] = file;
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (filesByPath.TryGetValue(fileContext.AdditionalFile.Path, out var file))
            {
                ReportFile(fileContext, requirements, file);
            }
        });
    }

    private static void ReportFile(AdditionalFileAnalysisContext context, RequirementsContext requirements, Configuration.RequirementsFile file)
    {
        foreach (var error in file.Document.Errors)
        {
            context.ReportDiagnostic(error.ToDiagnostic(file.Path));
        }

        foreach (var duplicate in requirements.Duplicates)
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
        foreach (var control in requirements.Controls)
        {
            controlIds.Add(control.Id);
        }

        foreach (var waiver in file.Document.Waivers)
        {
            if (!controlIds.Contains(waiver.ControlId))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverUnknownControl, waiver.ControlSpan.ToLocation(file.Path), waiver.ControlId));
            }

            if (waiver.IsExpiredOn(requirements.Today))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.WaiverExpired, waiver.ExpiresSpan.ToLocation(file.Path), waiver.ControlId, waiver.Expires, requirements.Today));
            }
        }
    }
}
