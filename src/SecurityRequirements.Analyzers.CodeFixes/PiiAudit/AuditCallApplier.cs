using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>Applies audit-call plans to a document and appends the helper class to it when the project lacks one.</summary>
internal static class AuditCallApplier
{
    /// <summary>
    /// Inserts one audit call per body: diagnostics are taken in source order, and one whose read already sits in
    /// a body that received a call is skipped, because that call covers it (as a one-at-a-time fix would find).
    /// </summary>
    public static async Task<Solution> ApplyAsync(Solution solution, Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<AuditCallPlan>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var span = diagnostic.Location.SourceSpan;
            if (plans.Any(p => AuditCallPlanner.Owner(p) is { } owner && owner.Span.Contains(span)))
            {
                continue;
            }

            if (await AuditCallPlanner.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan
                && !plans.Any(p => p.Anchor == plan.Anchor))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return solution;
        }

        root = root.TrackNodes(plans.Select(p => p.Anchor));
        foreach (var plan in plans)
        {
            var anchor = root.GetCurrentNode(plan.Anchor);
            if (anchor is null)
            {
                continue;
            }

            var call = plan.Call.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
            root = !plan.ConvertsBody && anchor is StatementSyntax statement
                ? root.InsertNodesBefore(statement, new[] { call.WithLeadingTrivia(Indentation(statement)).WithTrailingTrivia(EndOfLine(statement)) })
                : root.ReplaceNode(anchor, ToBlockBody(anchor, call));
        }

        if (plans[0].HelperToAdd is { } helper && root is CompilationUnitSyntax compilationUnit)
        {
            root = helper.AddTo(compilationUnit);
        }

        return solution.WithDocumentSyntaxRoot(document.Id, root);
    }

    /// <summary>The line ending the file already uses, so an LF file stays LF.</summary>
    private static SyntaxTrivia EndOfLine(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetFirstToken().GetPreviousToken().TrailingTrivia)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    /// <summary>The statement's own indentation only: comments above the statement stay with it.</summary>
    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker);
    }

    /// <summary><c>T M() =&gt; expr;</c> becomes <c>T M() { audit; return expr; }</c> (or <c>expr;</c> when nothing is returned).</summary>
    private static SyntaxNode ToBlockBody(SyntaxNode member, ExpressionStatementSyntax call)
    {
        var (arrow, returnType, isAsync) = member switch
        {
            MethodDeclarationSyntax m => (m.ExpressionBody!, m.ReturnType, m.Modifiers.Any(SyntaxKind.AsyncKeyword)),
            LocalFunctionStatementSyntax l => (l.ExpressionBody!, l.ReturnType, l.Modifiers.Any(SyntaxKind.AsyncKeyword)),
            _ => default,
        };

        var returnsNothing = returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            || (isAsync && returnType is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } or QualifiedNameSyntax { Right: IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } });
        StatementSyntax last = returnsNothing
            ? SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia())
            : SyntaxFactory.ReturnStatement(arrow.Expression.WithoutTrivia());
        // Elastic line breaks: the formatter turns them into the file's own, and a local function's block is not left on one line.
        var body = SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed),
                SyntaxFactory.List(new[] { call.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed), last.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed) }),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
            .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);

        return member switch
        {
            MethodDeclarationSyntax m => m.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body).WithTrailingTrivia(m.GetTrailingTrivia()),
            LocalFunctionStatementSyntax l => l.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body).WithTrailingTrivia(l.GetTrailingTrivia()),
            _ => member,
        };
    }
}
