using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.CodeFixes.Internal;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// Rewrites one unauthenticated encryption into a call to <see cref="AesGcmHelper"/>. Two shapes are recognised:
/// the one-shot <c>alg.EncryptCbc/EncryptEcb/EncryptCfb(plaintext, …)</c>, and an encryptor declared from
/// <c>alg.CreateEncryptor(…)</c> whose only use is <c>encryptor.TransformFinalBlock(data, 0, data.Length)</c>.
/// Anything else is left alone, and no fix is offered for it.
/// </summary>
internal static class AesGcmRewrite
{
    public static bool TryPlan(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, out Plan plan)
    {
        plan = default;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: var receiver, Name.Identifier.ValueText: var name }
            || !IsStable(receiver))
        {
            return false;
        }

        var arguments = invocation.ArgumentList.Arguments;
        switch (name)
        {
            case "EncryptCbc" or "EncryptEcb" or "EncryptCfb" when arguments.Count > 0 && IsByteArray(model, arguments[0].Expression, cancellationToken):
                plan = new Plan(invocation, null, Key(receiver), arguments[0].Expression);
                return true;

            case "CreateEncryptor":
                var key = arguments.Count == 2 ? arguments[0].Expression : Key(receiver);
                if (invocation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                    || declaration.Declaration.Variables.Count != 1
                    || declaration.Parent is not BlockSyntax block
                    || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol encryptor)
                {
                    return false;
                }

                var uses = block.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(i => i.Identifier.ValueText == encryptor.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, encryptor))
                    .ToList();
                if (uses.Count != 1
                    || uses[0].Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TransformFinalBlock", Parent: InvocationExpressionSyntax transform }
                    || transform.ArgumentList.Arguments.Count != 3
                    || !IsWholeBuffer(transform.ArgumentList.Arguments, model, cancellationToken))
                {
                    return false;
                }

                plan = new Plan(transform, declaration, key, transform.ArgumentList.Arguments[0].Expression);
                return true;

            default:
                return false;
        }
    }

    /// <summary>Replaces the encryption with the helper call; the encryptor declaration goes with the document's other removals.</summary>
    public static void Apply(DocumentEdits edits, Plan plan, string helperName)
    {
        var call = SyntaxFactory.ParseExpression(
                helperName + ".Encrypt(" + plan.Key.WithoutTrivia().ToFullString() + ", " + plan.Plaintext.WithoutTrivia().ToFullString() + ")")
            .WithTriviaFrom(plan.Replaced);
        edits.Editor.ReplaceNode(plan.Replaced, call);
        if (plan.RemovedDeclaration is not null)
        {
            edits.Remove(plan.RemovedDeclaration);
        }
    }

    private static MemberAccessExpressionSyntax Key(ExpressionSyntax receiver) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("Key"));

    /// <summary>Reading <c>.Key</c> from the receiver must see the same instance: a name or member chain, not a call.</summary>
    private static bool IsStable(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsStable(member.Expression),
        _ => false,
    };

    private static bool IsByteArray(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 };

    /// <summary><c>(data, 0, data.Length)</c> over a byte array.</summary>
    private static bool IsWholeBuffer(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken) =>
        IsByteArray(model, arguments[0].Expression, cancellationToken)
        && arguments[1].Expression is LiteralExpressionSyntax { Token.ValueText: "0" }
        && arguments[2].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } length
        && length.Expression.IsEquivalentTo(arguments[0].Expression, topLevel: false);

    internal readonly record struct Plan(SyntaxNode Replaced, LocalDeclarationStatementSyntax? RemovedDeclaration, ExpressionSyntax Key, ExpressionSyntax Plaintext);
}
