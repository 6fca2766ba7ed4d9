using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// SRA1002: passes <c>AesGcm.TagByteSizes.MaxSize</c> (16 bytes) as the tag size, and sizes the tag buffers the
/// instance encrypts into to match, since <c>AesGcm</c> throws on a tag buffer of any other length.
/// </summary>
/// <remarks>
/// Offered only when every tag the instance touches can be seen to follow: the instance is a local of the method whose
/// only uses are <c>Encrypt</c>, <c>Decrypt</c> and <c>Dispose</c>; each <c>Encrypt</c> writes into a tag allocated in
/// the method with a constant size (<c>new byte[12]</c>, <c>stackalloc byte[12]</c>), which the fix resizes; each
/// <c>Decrypt</c> reads such a buffer or a tag whose length comes from the data (a parameter, a property). A statement
/// that uses a resized buffer together with the old size (a copy of 12 bytes) keeps the fix away, as does an instance
/// that leaves the method, whose callers size the tags. And since the sealed data must still open, no fix is offered in a
/// project with an <c>AesGcm.Decrypt</c> the fix cannot bring to 16-byte tags too (<see cref="EveryDecryptionFollows"/>).
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AesGcmTagSizeCodeFixProvider)), Shared]
public sealed class AesGcmTagSizeCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use a 16-byte tag (AesGcm.TagByteSizes.MaxSize) and 16-byte tag buffers";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AesGcmTagTooShort);

    public override FixAllProvider GetFixAllProvider() => OfferedKeyFixAllProvider.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 or 2 } creation
                && TryPlan(model, creation, context.CancellationToken, out var buffers)
                && EveryDecryptionFollows(model.Compilation, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, creation, buffers, ct), equivalenceKey: DiagnosticIds.AesGcmTagTooShort),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// Every <c>AesGcm.Decrypt</c> of the project reads 16-byte tags once Fix All has run: its instance is a local built
    /// with a 16-byte tag, or one this fix resizes. A decryption the fix cannot reach (an instance from a parameter or
    /// field, a tag sliced at the old size) would fail on every message the fixed code seals, so then no fix is offered.
    /// </summary>
    private static bool EveryDecryptionFollows(Compilation compilation, CancellationToken cancellationToken) =>
        DecryptionsFollow.GetValue(compilation, c => ScanDecryptions(c, cancellationToken) ? Yes : No) == Yes;

    private static readonly ConditionalWeakTable<Compilation, object> DecryptionsFollow = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    private static bool ScanDecryptions(Compilation compilation, CancellationToken cancellationToken)
    {
        var aesGcm = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm");
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Decrypt", Expression: var receiver } })
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(receiver, cancellationToken).Type, aesGcm))
                {
                    continue;
                }

                if (model.GetSymbolInfo(receiver, cancellationToken).Symbol is not ILocalSymbol local
                    || local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer }
                    || SymbolReferences.Unwrap(initializer) is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 or 2 } creation)
                {
                    return false;
                }

                var arguments = creation.ArgumentList!.Arguments;
                var full = arguments.Count == 2 && model.GetConstantValue(arguments[1].Expression, cancellationToken) is { HasValue: true, Value: 16 };
                if (!full && !TryPlan(model, creation, cancellationToken, out _))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The size expressions of the tag buffers to resize, or false when some tag cannot be seen to follow the new size.</summary>
    private static bool TryPlan(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken, out ImmutableArray<ExpressionSyntax> buffers)
    {
        buffers = ImmutableArray<ExpressionSyntax>.Empty;
        SyntaxNode value = creation;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value.Parent;
        }

        var oldSize = creation.ArgumentList!.Arguments.Count == 2 && model.GetConstantValue(creation.ArgumentList.Arguments[1].Expression, cancellationToken) is { HasValue: true, Value: int size } ? size : (int?)null;
        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax }
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol instance
            || SymbolReferences.Body(creation) is not { } body)
        {
            return false;
        }

        var sizes = new List<ExpressionSyntax>();
        foreach (var use in SymbolReferences.In(model, body, instance, cancellationToken))
        {
            if (use.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member, Parent: InvocationExpressionSyntax invocation } access || access.Expression != use)
            {
                return false; // passed on, stored, returned: whoever gets it sizes their own tags
            }

            if (member == "Dispose")
            {
                continue;
            }

            if (member is not ("Encrypt" or "Decrypt")
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "tag")?.Syntax is not ArgumentSyntax tag
                || !TryTagSize(model, body, tag.Expression, invocation, member == "Encrypt", oldSize, cancellationToken, out var sizeExpression))
            {
                return false;
            }

            if (sizeExpression is not null && !sizes.Contains(sizeExpression))
            {
                sizes.Add(sizeExpression);
            }
        }

        buffers = sizes.ToImmutableArray();
        return true;
    }

    /// <summary>
    /// The constant size expression of the tag buffer to resize (null when the tag's length comes from the data), or false
    /// when the tag cannot be seen to follow.
    /// </summary>
    private static bool TryTagSize(SemanticModel model, SyntaxNode body, ExpressionSyntax tag, InvocationExpressionSyntax call, bool encrypts, int? oldSize, CancellationToken cancellationToken, out ExpressionSyntax? size)
    {
        size = null;
        var expression = SymbolReferences.Unwrap(tag);
        if (SizeOfAllocation(model, expression, cancellationToken) is { } inline)
        {
            size = inline;
            return true;
        }

        var symbol = expression is IdentifierNameSyntax ? model.GetSymbolInfo(expression, cancellationToken).Symbol : null;
        if (symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator
            && body.Span.Contains(declarator.Span))
        {
            var uses = SymbolReferences.In(model, body, local, cancellationToken);
            if (uses.Any(u => u.Parent is AssignmentExpressionSyntax assignment && assignment.Left == u))
            {
                return false; // reassigned: which buffer reaches the call is not clear
            }

            if (SizeOfAllocation(model, SymbolReferences.Unwrap(initializer), cancellationToken) is { } allocated)
            {
                // A copy or slice of the old length next to the buffer would cut the new tag short.
                var allocatedSize = (int)model.GetConstantValue(allocated, cancellationToken).Value!;
                foreach (var statement in uses.Select(u => u.FirstAncestorOrSelf<StatementSyntax>()).Distinct())
                {
                    if (statement is not null && !statement.Span.Contains(call.Span) && MentionsSize(model, statement, allocatedSize, declarator, cancellationToken))
                    {
                        return false;
                    }
                }

                size = allocated;
                return true;
            }

            // A tag read from the data: its length is the data's, unless the slice names the old size.
            return !encrypts && (oldSize is null || !MentionsSize(model, initializer, oldSize.Value, null, cancellationToken));
        }

        // A parameter or member of the data: only read by Decrypt. An Encrypt into the caller's buffer depends on the caller.
        return !encrypts
            && symbol is not ILocalSymbol
            && expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && (oldSize is null || !MentionsSize(model, expression, oldSize.Value, null, cancellationToken));
    }

    /// <summary>The constant length of <c>new byte[n]</c> or <c>stackalloc byte[n]</c>.</summary>
    private static ExpressionSyntax? SizeOfAllocation(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var type = expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: null } array => array.Type,
            StackAllocArrayCreationExpressionSyntax { Initializer: null, Type: ArrayTypeSyntax stackallocType } => stackallocType,
            _ => null,
        };
        var rank = type is { RankSpecifiers.Count: 1 } && type.RankSpecifiers[0].Sizes.Count == 1 ? type.RankSpecifiers[0].Sizes[0] : null;
        return rank is not null && model.GetConstantValue(rank, cancellationToken) is { HasValue: true, Value: int } ? rank : null;
    }

    private static bool MentionsSize(SemanticModel model, SyntaxNode node, int size, SyntaxNode? except, CancellationToken cancellationToken) =>
        node.DescendantNodesAndSelf(n => n != except).OfType<ExpressionSyntax>()
            .Any(e => e is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax
                && !(except?.Span.Contains(e.Span) ?? false)
                && model.GetConstantValue(e, cancellationToken) is { HasValue: true, Value: int value } && value == size);

    private static async Task<Document> FixAsync(Document document, BaseObjectCreationExpressionSyntax creation, ImmutableArray<ExpressionSyntax> buffers, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        ExpressionSyntax MaxSize(SyntaxNode at) => SyntaxFactory.ParseExpression(CryptoNames.TypeName(model, at.SpanStart, "AesGcm") + ".TagByteSizes.MaxSize");

        var arguments = creation.ArgumentList!.Arguments;
        var newArguments = arguments.Count == 1
            ? arguments.Add(SyntaxFactory.Argument(MaxSize(creation)))
            : arguments.Replace(arguments[1], arguments[1].WithExpression(MaxSize(creation).WithTriviaFrom(arguments[1].Expression)));
        var newCreation = creation.WithArgumentList(creation.ArgumentList.WithArguments(newArguments));
        return document.WithSyntaxRoot(root!.ReplaceNodes(
            buffers.Cast<SyntaxNode>().Append(creation),
            (original, rewritten) => original == creation ? newCreation : MaxSize(original).WithTriviaFrom(original)));
    }
}
