using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>
/// Removes statements a rewrite made useless without losing what a reader put around them: their comments stay, as whole
/// lines, above the statement that follows, and a blank line that opened a removed run still separates it from what came before.
/// </summary>
internal static class StatementRemoval
{
    public static void Remove(SyntaxEditor editor, IEnumerable<StatementSyntax> statements)
    {
        foreach (var run in Runs(statements))
        {
            var block = run[0].Parent as BlockSyntax;
            var next = block is null ? -1 : block.Statements.IndexOf(run[run.Count - 1]) + 1;
            if (block is null || next >= block.Statements.Count)
            {
                // Nothing follows inside the block: the comments go with the closing brace.
                foreach (var statement in run)
                {
                    RemoveKeepingComments(editor, statement);
                }

                continue;
            }

            // The first statement's lines (a blank line that opened the run, comments) and the later ones' comment lines.
            var moved = new List<SyntaxTrivia>();
            for (var i = 0; i < run.Count; i++)
            {
                moved.AddRange(Lines(run[i].GetLeadingTrivia()).Where(line => i == 0 || HasComment(line)).SelectMany(line => line));
                moved.AddRange(TrailingCommentLine(run[i]));
                editor.RemoveNode(run[i], SyntaxRemoveOptions.KeepNoTrivia);
            }

            if (moved.Count > 0)
            {
                editor.ReplaceNode(block.Statements[next], (current, _) =>
                {
                    var leading = current.GetLeadingTrivia();
                    if (StartsWithBlankLine(moved))
                    {
                        // One blank line between what came before and what follows, not two.
                        leading = SyntaxFactory.TriviaList(Lines(leading).SkipWhile(line => !HasComment(line)).SelectMany(line => line).Concat(leading.Reverse().TakeWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)).Reverse()));
                    }

                    return current.WithLeadingTrivia(SyntaxFactory.TriviaList(moved).AddRange(leading));
                });
            }
        }
    }

    /// <summary>Consecutive statements of one block, in source order; a statement outside a block is a run of its own.</summary>
    /// <remarks>A list, not an iterator: the compiler's iterator reads Environment.CurrentManagedThreadId, which RS1035 bans from analyzer assemblies.</remarks>
    private static List<List<StatementSyntax>> Runs(IEnumerable<StatementSyntax> statements)
    {
        var runs = new List<List<StatementSyntax>>();
        foreach (var group in statements.Distinct().GroupBy(s => s.Parent))
        {
            if (group.Key is not BlockSyntax block)
            {
                runs.AddRange(group.Select(statement => new List<StatementSyntax> { statement }));
                continue;
            }

            var last = -2;
            foreach (var (statement, index) in group.Select(s => (s, block.Statements.IndexOf(s))).OrderBy(p => p.Item2))
            {
                if (index != last + 1)
                {
                    runs.Add(new List<StatementSyntax>());
                }

                runs[runs.Count - 1].Add(statement);
                last = index;
            }
        }

        return runs;
    }

    /// <summary>Leading trivia cut into whole lines (each ending in its line break); the indentation of the statement's own line is left out.</summary>
    private static List<List<SyntaxTrivia>> Lines(SyntaxTriviaList trivia)
    {
        var lines = new List<List<SyntaxTrivia>>();
        var current = new List<SyntaxTrivia>();
        foreach (var item in trivia)
        {
            current.Add(item);
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lines.Add(current);
                current = new List<SyntaxTrivia>();
            }
        }

        return lines;
    }

    /// <summary>"x = 1; // why" keeps "// why" on a line of its own, at the statement's indentation.</summary>
    private static IEnumerable<SyntaxTrivia> TrailingCommentLine(StatementSyntax statement)
    {
        var trailing = statement.GetTrailingTrivia();
        if (!HasComment(trailing))
        {
            return Enumerable.Empty<SyntaxTrivia>();
        }

        var leading = statement.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? new[] { leading[leading.Count - 1] } : System.Array.Empty<SyntaxTrivia>();
        var line = indentation.Concat(trailing.SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia))).ToList();
        if (!line[line.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            line.Add(SyntaxFactory.ElasticCarriageReturnLineFeed);
        }

        return line;
    }

    private static void RemoveKeepingComments(SyntaxEditor editor, StatementSyntax statement)
    {
        if (!HasComment(statement.GetLeadingTrivia()) && !HasComment(statement.GetTrailingTrivia()))
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            return;
        }

        var kept = Lines(statement.GetLeadingTrivia()).Where(HasComment).SelectMany(line => line).Concat(TrailingCommentLine(statement)).ToList();
        editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(kept).WithTrailingTrivia());
        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepExteriorTrivia);
    }

    private static bool StartsWithBlankLine(IEnumerable<SyntaxTrivia> trivia) =>
        trivia.SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);

    private static bool HasComment(IEnumerable<SyntaxTrivia> trivia) =>
        trivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
}
