using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>
/// SRA9002: Do not write a string the requirements ban. A string literal, constant concatenation or
/// interpolated string matches a regex of a <c>check: banned</c> control's <c>parameters.patterns</c>.
/// SRA0015: a pattern exceeded its match timeout; it is disabled for the rest of the compilation.
/// </summary>
/// <remarks>
/// Interpolated strings are matched with each hole written as <c>{expression}</c>, so
/// <c>$"SELECT * FROM users WHERE id = {id}"</c> matches a pattern over the SQL text.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BannedPatternAnalyzer : RequirementsAnalyzer
{
    private const int MaxShownLength = 80;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BannedPattern, DiagnosticDescriptors.RegexTimedOut);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RequirementsContext requirements)
    {
        var controls = ImmutableArray.CreateBuilder<ControlModel>();
        foreach (var control in requirements.ControlsFor(CheckKind.Banned))
        {
            if (!control.Banned!.Patterns.IsEmpty)
            {
                controls.Add(control);
            }
        }

        if (controls.Count == 0)
        {
            return;
        }

        var patternControls = controls.ToImmutable();
        var timedOut = new ConcurrentDictionary<BannedPatternEntry, ControlModel>();

        context.RegisterOperationAction(
            operationContext => AnalyzeOperation(operationContext, requirements, patternControls, timedOut),
            OperationKind.Literal,
            OperationKind.Binary,
            OperationKind.InterpolatedString);

        context.RegisterCompilationEndAction(endContext =>
        {
            foreach (var pair in timedOut)
            {
                var file = FindFile(requirements, pair.Value);
                if (file is null)
                {
                    continue;
                }

                endContext.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RegexTimedOut,
                    pair.Key.Source.Span.ToLocation(file.Path),
                    pair.Key.Source.Value,
                    pair.Value.Id,
                    ((int)BannedParameters.MatchTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
            }
        });
    }

    private static void AnalyzeOperation(
        OperationAnalysisContext context,
        RequirementsContext requirements,
        ImmutableArray<ControlModel> controls,
        ConcurrentDictionary<BannedPatternEntry, ControlModel> timedOut)
    {
        var text = GetText(context.Operation);
        if (text is null || text.Length == 0)
        {
            return;
        }

        foreach (var control in controls)
        {
            foreach (var pattern in control.Banned!.Patterns)
            {
                if (timedOut.ContainsKey(pattern) || !IsMatch(pattern, text, control, timedOut))
                {
                    continue;
                }

                requirements.Report(
                    context.ReportDiagnostic,
                    DiagnosticDescriptors.BannedPattern,
                    control,
                    context.Operation.Syntax.GetLocation(),
                    context.ContainingSymbol,
                    properties: null,
                    control.Id,
                    control.Requirement,
                    Shorten(text),
                    pattern.Source.Value,
                    control.Banned.Instead);
                return;
            }
        }
    }

    private static bool IsMatch(BannedPatternEntry pattern, string text, ControlModel control, ConcurrentDictionary<BannedPatternEntry, ControlModel> timedOut)
    {
        try
        {
            return pattern.Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // Reported once at compilation end (SRA0015) and the pattern is skipped from now on.
            timedOut.TryAdd(pattern, control);
            return false;
        }
    }

    /// <summary>The string an operation spells out, or null when it is not a string to check here.</summary>
    private static string? GetText(IOperation operation)
    {
        switch (operation)
        {
            case ILiteralOperation literal when literal.ConstantValue is { HasValue: true, Value: string value }:
                // Literals inside a constant concatenation or an interpolated string are checked as part of the whole string.
                return literal.Parent is IInterpolatedStringTextOperation || IsPartOfConstantConcatenation(literal) ? null : value;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue: { HasValue: true, Value: string value } } binary:
                return IsPartOfConstantConcatenation(binary) ? null : value;

            case IInterpolatedStringOperation interpolated:
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string partText } })
                    {
                        builder.Append(partText);
                    }
                    else if (part is IInterpolationOperation interpolation)
                    {
                        builder.Append('{').Append(interpolation.Expression.Syntax.ToString()).Append('}');
                    }
                }

                return builder.ToString();

            default:
                return null;
        }
    }

    private static bool IsPartOfConstantConcatenation(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue: { HasValue: true, Value: string } };
    }

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
        return oneLine.Length <= MaxShownLength ? oneLine : oneLine.Substring(0, MaxShownLength) + "…";
    }

    private static Configuration.RequirementsFile? FindFile(RequirementsContext requirements, ControlModel control)
    {
        foreach (var file in requirements.Files)
        {
            if (file.Document.Controls.Contains(control))
            {
                return file;
            }
        }

        return null;
    }
}
