using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SecurityRequirements.Analyzers.Analyzers.Pkce;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Pkce;

/// <summary>
/// Fixes SRA2004 by clamping the constant lifetime to the control's limit: the number of seconds of an IdentityServer
/// client lifetime, or the <c>AddX(n)</c> / <c>TimeSpan.FromX(n)</c> call of an expiry, rewritten in the largest exact unit;
/// a <c>SecurityTokenDescriptor</c> without <c>Expires</c> gets <c>Expires = DateTime.UtcNow.AddX(limit)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenLifetimeCodeFixProvider)), Shared]
public sealed class TokenLifetimeCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TokenLifetimeTooLong);

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
            if (!diagnostic.Properties.TryGetValue(TokenLifetimeAnalyzer.LimitSecondsProperty, out var limitText)
                || !long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                || limit <= 0
                || limit > int.MaxValue
                || !diagnostic.Properties.TryGetValue(TokenLifetimeAnalyzer.FixProperty, out var fix))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var limitName = DurationParser.Format(TimeSpan.FromSeconds(limit));
            if (fix == TokenLifetimeAnalyzer.SecondsFix && node is AssignmentExpressionSyntax assignment)
            {
                var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(checked((int)limit)));
                Register(context, diagnostic, limitName, assignment.Right, literal.WithTriviaFrom(assignment.Right));
            }
            else if (fix == TokenLifetimeAnalyzer.AddClientPropertyFix
                && node is BaseObjectCreationExpressionSyntax { Initializer: { } clientInitializer } client
                && diagnostic.Properties.TryGetValue(TokenLifetimeAnalyzer.PropertyNameProperty, out var property) && property is not null)
            {
                var added = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(property),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(checked((int)limit))));
                var expressions = clientInitializer.Expressions;
                var updated = expressions.SeparatorCount == expressions.Count && expressions.Count > 0
                    ? SyntaxFactory.SeparatedList<ExpressionSyntax>(expressions.GetWithSeparators().Add(added).Add(SyntaxFactory.Token(SyntaxKind.CommaToken)))
                    : expressions.Add(added);
                Register(context, diagnostic, limitName, client, client.WithInitializer(clientInitializer.WithExpressions(updated).WithAdditionalAnnotations(Formatter.Annotation)));
            }
            else if (fix == TokenLifetimeAnalyzer.AddExpiresFix && node is BaseObjectCreationExpressionSyntax creation)
            {
                Register(context, diagnostic, limitName, creation, AddExpires(creation, limit));
            }
            else if (fix == TokenLifetimeAnalyzer.OffsetFix
                && diagnostic.Properties.TryGetValue(TokenLifetimeAnalyzer.MethodProperty, out var method) && method is not null
                && FindCall(node, method) is { } call)
            {
                var prefix = method.StartsWith("Add", StringComparison.Ordinal) ? "Add" : "From";
                var (unit, amount) = LargestExactUnit(limit);
                var access = (MemberAccessExpressionSyntax)call.Expression;
                var argument = call.ArgumentList.Arguments[0];
                var amountLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(amount)).WithTriviaFrom(argument.Expression);
                var replacement = call
                    .WithExpression(access.WithName(SyntaxFactory.IdentifierName(prefix + unit).WithTriviaFrom(access.Name)))
                    .WithArgumentList(call.ArgumentList.WithArguments(call.ArgumentList.Arguments.Replace(argument, argument.WithExpression(amountLiteral))));
                Register(context, diagnostic, limitName, call, replacement);
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string limitName, SyntaxNode oldNode, SyntaxNode newNode) =>
        context.RegisterCodeFix(
            CodeAction.Create(
                "Clamp the lifetime to " + limitName,
                async ct =>
                {
                    var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                    return root is null ? context.Document : context.Document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
                },
                DiagnosticIds.TokenLifetimeTooLong + ":Clamp"),
            diagnostic);

    /// <summary>Adds <c>Expires = System.DateTime.UtcNow.AddX(limit)</c> to the initialiser; the simplifier drops <c>System.</c> where a using allows it.</summary>
    private static BaseObjectCreationExpressionSyntax AddExpires(BaseObjectCreationExpressionSyntax creation, long limitSeconds)
    {
        var (unit, amount) = LargestExactUnit(limitSeconds);
        var expires = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("Expires"),
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.ParseTypeName("global::System.DateTime").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.IdentifierName("UtcNow")),
                    SyntaxFactory.IdentifierName("Add" + unit)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(amount)))))));
        if (creation.Initializer is { } initializer)
        {
            var expressions = initializer.Expressions;
            var updated = expressions.SeparatorCount == expressions.Count && expressions.Count > 0
                ? SyntaxFactory.SeparatedList<ExpressionSyntax>(expressions.GetWithSeparators().Add(expires).Add(SyntaxFactory.Token(SyntaxKind.CommaToken)))
                : expressions.Add(expires);
            return creation.WithInitializer(initializer.WithExpressions(updated).WithAdditionalAnnotations(Formatter.Annotation));
        }

        var created = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(expires));
        return creation.WithoutTrailingTrivia()
            .WithInitializer(created)
            .WithTrailingTrivia(creation.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The AddX/FromX call with one argument inside the reported expression (the one carrying the constant).</summary>
    private static InvocationExpressionSyntax? FindCall(SyntaxNode node, string method) =>
        node.DescendantNodesAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .LastOrDefault(i => i.Expression is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText == method
                && i.ArgumentList.Arguments.Count == 1);

    private static (string Unit, int Amount) LargestExactUnit(long seconds)
    {
        if (seconds % 86400 == 0)
        {
            return ("Days", checked((int)(seconds / 86400)));
        }

        if (seconds % 3600 == 0)
        {
            return ("Hours", checked((int)(seconds / 3600)));
        }

        return seconds % 60 == 0 ? ("Minutes", checked((int)(seconds / 60))) : ("Seconds", checked((int)seconds));
    }
}
