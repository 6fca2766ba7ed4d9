using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>Shared by fixes that insert a statement before another: trivia placement and fresh local names.</summary>
internal static class StatementInsertion
{
    /// <summary>
    /// The inserted statement takes the existing statement's leading trivia (its comments) and line ending;
    /// the existing statement keeps only its indentation.
    /// </summary>
    public static (StatementSyntax Inserted, StatementSyntax Existing) Place(StatementSyntax inserted, StatementSyntax existing)
    {
        var leading = existing.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        return (inserted.WithLeadingTrivia(leading).WithTrailingTrivia(existing.GetTrailingTrivia()), existing.WithLeadingTrivia(indentation));
    }

    /// <summary><paramref name="baseName"/>, or baseName2, 3… when taken at the position or already chosen in this pass.</summary>
    public static string UniqueName(SemanticModel model, int position, string baseName, ISet<string>? chosen = null)
    {
        var name = baseName;
        for (var i = 2; model.LookupSymbols(position, name: name).Length > 0 || (chosen?.Contains(name) ?? false); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        chosen?.Add(name);
        return name;
    }
}
