using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>
/// SRA3002: Do not write personal data to logs. Replaces <c>patient.Email</c> with <c>patient.Id</c> when the
/// owner has a public, non-PII <c>Id</c>, and renames the template placeholder it fills (<c>{Email}</c> becomes
/// <c>{PatientId}</c>) so the log line says what it carries. No fix otherwise.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PiiWrittenToLogCodeFixProvider)), Shared]
public sealed class PiiWrittenToLogCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = DiagnosticIds.PiiWrittenToLog + ".LogId";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PiiWrittenToLog);

    public override FixAllProvider GetFixAllProvider() => OfferedKeyFixAllProvider.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PiiWrittenToLogAnalyzer.IdPropertyProperty, out var id) || id is null
                || !diagnostic.Properties.TryGetValue(PiiWrittenToLogAnalyzer.OwnerTypeProperty, out var owner) || owner is null
                || !diagnostic.Properties.TryGetValue(PiiWrittenToLogAnalyzer.PlaceholderIndexProperty, out var indexText)
                || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax access)
            {
                continue;
            }

            // A template argument without a literal template to rename would leave "{Email}" labelling an id: no fix.
            var template = index >= 0 ? TemplateOf(access) : null;
            if (index >= 0 && (template is null || RenamePlaceholder(template.Token.ValueText, index, owner + "Id") is null))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Log " + owner + "." + id + " instead",
                    ct => FixAsync(context.Document, access, id, template, index, owner + "Id", ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, MemberAccessExpressionSyntax access, string id, LiteralExpressionSyntax? template, int index, string placeholder, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacement = access.WithName(SyntaxFactory.IdentifierName(id)).WithTriviaFrom(access);
        if (template is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(access, replacement));
        }

        var renamed = RenamePlaceholder(template.Token.ValueText, index, placeholder)!;
        var newTemplate = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renamed)).WithTriviaFrom(template);
        return document.WithSyntaxRoot(root.ReplaceNodes(new SyntaxNode[] { access, template }, (original, _) => original == access ? replacement : newTemplate));
    }

    /// <summary>The first string-literal argument of the call the value is passed to: the message template.</summary>
    private static LiteralExpressionSyntax? TemplateOf(SyntaxNode value)
    {
        var invocation = value.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        return invocation?.ArgumentList.Arguments
            .Select(a => a.Expression)
            .OfType<LiteralExpressionSyntax>()
            .FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression));
    }

    /// <summary>The template with the name of placeholder <paramref name="index"/> replaced, keeping "@", format and alignment; null when there is no such placeholder.</summary>
    internal static string? RenamePlaceholder(string template, int index, string name)
    {
        var count = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                return null;
            }

            if (count++ == index)
            {
                var start = i + 1;
                if (start < close && (template[start] == '@' || template[start] == '$'))
                {
                    start++;
                }

                var end = start;
                while (end < close && template[end] != ':' && template[end] != ',')
                {
                    end++;
                }

                return template.Substring(0, start) + name + template.Substring(end);
            }

            i = close;
        }

        return null;
    }
}
