using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;

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

        // String literals and interpolated strings only: listening to every literal and binary operation would call
        // back for each number and each arithmetic operator, which in numeric code is most of the compilation.
        context.RegisterSyntaxNodeAction(
            nodeContext => AnalyzeString(nodeContext, requirements, patternControls, timedOut),
            StringPieces.Kinds);

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

    private static void AnalyzeString(
        SyntaxNodeAnalysisContext context,
        RequirementsContext requirements,
        ImmutableArray<ControlModel> controls,
        ConcurrentDictionary<BannedPatternEntry, ControlModel> timedOut)
    {
        var piece = (ExpressionSyntax)context.Node;

        // The attestation quotes the policy, banned patterns and requirements included: it must not match itself.
        if (StringPieces.IsInInterpolationHole(piece)
            || (context.IsGeneratedCode && OwnGeneratedFiles.Contains(piece.SyntaxTree))
            || GetText(piece, context.SemanticModel, context.CancellationToken, out var node) is not { Length: > 0 } text)
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
                    node.GetLocation(),
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

    /// <summary>
    /// The string a piece spells out and the node to report: an interpolated string with its holes written as
    /// <c>{expression}</c>, the whole constant concatenation the piece starts, or the literal alone. Null when the piece is
    /// not the first of its constant concatenation (the first one reads it) or spells out no string.
    /// </summary>
    private static string? GetText(ExpressionSyntax piece, SemanticModel model, CancellationToken cancellationToken, out SyntaxNode node)
    {
        node = piece;
        if (piece is InterpolatedStringExpressionSyntax interpolated)
        {
            var builder = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    builder.Append(text.TextToken.ValueText);
                }
                else if (content is InterpolationSyntax interpolation)
                {
                    builder.Append('{').Append(interpolation.Expression.ToString()).Append('}');
                }
            }

            return builder.ToString();
        }

        if (!StringPieces.IsInConcatenation(piece))
        {
            return ((LiteralExpressionSyntax)piece).Token.ValueText;
        }

        // In a concatenation: read the longest constant concatenation the literal belongs to, once, from its first piece.
        // Known without binding: literals alone are constant, and a call, an element, a new object or a parameter is not.
        var root = StringPieces.ChainRoot(
            piece,
            static (add, state) => StringPieces.IsLiteralChain(add)
                || (StringPieces.MayBeConstant(add.Left) && StringPieces.MayBeConstant(add.Right)
                    && state.Model.GetConstantValue(add, state.CancellationToken) is { HasValue: true, Value: string }),
            (Model: model, CancellationToken: cancellationToken));
        if (root is null)
        {
            return null;
        }

        node = root;
        return root == piece ? ((LiteralExpressionSyntax)piece).Token.ValueText : StringPieces.LiteralText(root) ?? model.GetConstantValue(root, cancellationToken).Value as string;
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
