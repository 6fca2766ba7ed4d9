using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecurityRequirements.Analyzers.Analyzers.Encryption;
using SecurityRequirements.Analyzers.CodeFixes.Internal;

namespace SecurityRequirements.Analyzers.CodeFixes.Encryption;

/// <summary>
/// Plans the replacement of a local DES/TripleDES/RC2/Rijndael instance by <see cref="AesGcmHelper"/>: the instance's
/// one encryption (a shape <see cref="AesGcmRewrite"/> knows) becomes <c>AesGcmEncryption.Encrypt(key, data)</c> with the
/// key the code supplies, and the declaration goes together with the configuration statements that were its only other
/// uses. Anything else the instance does (decrypting, key generation, being passed on) means no plan.
/// </summary>
internal static class LegacyCipherRewrite
{
    private static readonly SyntaxAnnotation UnwrapAnnotation = new("SecurityRequirements.UnwrapUsing");

    /// <summary>Settings that configure only the instance; assignments to them disappear with it.</summary>
    private static readonly ImmutableHashSet<string> Settings = ImmutableHashSet.Create("Key", "IV", "Mode", "Padding", "KeySize", "BlockSize", "FeedbackSize");

    public static bool TryPlan(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken, out Plan plan)
    {
        plan = default;
        if (!diagnostic.Properties.TryGetValue("Algorithm", out var algorithm) || algorithm is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax creation
            || !HasOnlyConstantArguments(model, creation, cancellationToken))
        {
            return false;
        }

        var value = creation;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            value = (ExpressionSyntax)value.Parent;
        }

        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
        {
            return false;
        }

        // The scope the instance lives in: the block of "using var x = …;" / "var x = …;", or the body of "using (var x = …) { }".
        BlockSyntax scope;
        LocalDeclarationStatementSyntax? declarationStatement = null;
        UsingStatementSyntax? usingStatement = null;
        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax { Parent: BlockSyntax block } statement:
                scope = block;
                declarationStatement = statement;
                break;
            case UsingStatementSyntax { Statement: BlockSyntax body } statement:
                scope = body;
                usingStatement = statement;
                break;
            default:
                return false;
        }

        if (!TryClassifyUses(model, scope, local, cancellationToken, out var encryption, out var keyAssignment, out var removed)
            || !AesGcmRewrite.TryPlan(model, encryption, cancellationToken, out var rewrite))
        {
            return false;
        }

        // The key: the CreateEncryptor(key, iv) argument, else the value the code assigns to Key. Never alg.Key, which
        // would read a random key off an instance that is going away.
        ExpressionSyntax key;
        StatementSyntax? keyStatement;
        if (encryption.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateEncryptor" } && encryption.ArgumentList.Arguments.Count == 2)
        {
            key = encryption.ArgumentList.Arguments[0].Expression;
            keyStatement = null;
        }
        else if (keyAssignment is not null)
        {
            key = keyAssignment.Right;
            keyStatement = keyAssignment.Parent as StatementSyntax;
        }
        else if (InitializedKey(creation) is { } initialized)
        {
            key = initialized;
            keyStatement = (StatementSyntax?)declarationStatement ?? usingStatement;
        }
        else
        {
            return false; // the instance's own random key would be lost
        }

        if (!IsProvisionedKey(model, key, cancellationToken)
            || (keyStatement is not null && !StaysValid(model, scope, keyStatement, rewrite.Replaced, key, cancellationToken)))
        {
            return false;
        }

        plan = new Plan(algorithm, rewrite with { Key = key }, declarationStatement, removed, usingStatement, usingStatement is not null && CanFlatten(usingStatement, rewrite.RemovedDeclaration));
        return true;
    }

    public static void Apply(DocumentEdits edits, Plan plan, string helperName)
    {
        AesGcmRewrite.Apply(edits, plan.Encryption, helperName);
        foreach (var statement in plan.Removed)
        {
            edits.Remove(statement);
        }

        if (plan.Declaration is not null)
        {
            edits.Remove(plan.Declaration);
        }

        if (plan.Using is not { Parent: { } usingParent } usingStatement)
        {
            return;
        }

        // After the removals, so the comments above the using statement land on a statement that stays.
        if (plan.Flatten)
        {
            edits.Last(editor =>
            {
                editor.ReplaceNode(usingStatement, static (current, _) => current.WithAdditionalAnnotations(UnwrapAnnotation));
                editor.ReplaceNode(usingParent, static (current, _) => Flatten((BlockSyntax)current));
            });
        }
        else
        {
            // The body keeps its own scope; its braces already stand at the using statement's indentation.
            edits.Last(editor => editor.ReplaceNode(usingStatement, static (current, _) =>
            {
                var statement = (UsingStatementSyntax)current;
                return statement.Statement.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia());
            }));
        }
    }

    /// <summary>
    /// Sorts every reference to the instance: exactly one encryption, setting assignments and Dispose/Clear calls that are
    /// statements of the scope itself (they are removed), and nothing else.
    /// </summary>
    private static bool TryClassifyUses(
        SemanticModel model,
        BlockSyntax scope,
        ILocalSymbol local,
        CancellationToken cancellationToken,
        out InvocationExpressionSyntax encryption,
        out AssignmentExpressionSyntax? keyAssignment,
        out ImmutableArray<StatementSyntax> removed)
    {
        encryption = null!;
        keyAssignment = null;
        removed = ImmutableArray<StatementSyntax>.Empty;
        var removable = ImmutableArray.CreateBuilder<StatementSyntax>();
        InvocationExpressionSyntax? found = null;
        foreach (var reference in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (reference.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (reference.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } access || access.Expression != reference)
            {
                return false;
            }

            switch (access.Parent)
            {
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Left == access && statement.Parent == scope && Settings.Contains(member):
                    if (member == "Key")
                    {
                        if (keyAssignment is not null)
                        {
                            return false; // which key is meant is not clear
                        }

                        keyAssignment = assignment;
                    }

                    removable.Add(statement);
                    break;

                case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: ExpressionStatementSyntax statement }
                    when member is "Dispose" or "Clear" && statement.Parent == scope:
                    removable.Add(statement);
                    break;

                case InvocationExpressionSyntax invocation when member is "EncryptCbc" or "EncryptEcb" or "EncryptCfb" or "CreateEncryptor":
                    if (found is not null)
                    {
                        return false;
                    }

                    found = invocation;
                    break;

                default:
                    return false;
            }
        }

        // An encryption inside a statement that goes (des.IV = des.EncryptCbc(…)) would go with it.
        if (found is null || removable.Any(statement => statement.Span.Contains(found.Span)))
        {
            return false;
        }

        encryption = found;
        removed = removable.ToImmutable();
        return true;
    }

    /// <summary><c>Key = …</c> in the object initializer of <c>new RijndaelManaged { Key = key, … }</c>, when it holds settings only.</summary>
    private static ExpressionSyntax? InitializedKey(ExpressionSyntax creation)
    {
        var initializer = (creation as BaseObjectCreationExpressionSyntax)?.Initializer;
        if (initializer is null || !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
        {
            return null;
        }

        ExpressionSyntax? key = null;
        foreach (var expression in initializer.Expressions)
        {
            if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var member } } assignment || !Settings.Contains(member))
            {
                return null;
            }

            if (member == "Key")
            {
                key = assignment.Right;
            }
        }

        return key;
    }

    /// <summary>
    /// Dropping the creation must not drop work: no arguments but constants (<c>SymmetricAlgorithm.Create("DES")</c>), and
    /// an initializer only of settings.
    /// </summary>
    private static bool HasOnlyConstantArguments(SemanticModel model, ExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var arguments = creation switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax objectCreation => objectCreation.ArgumentList?.Arguments ?? default,
            _ => default,
        };
        if (!arguments.All(a => model.GetConstantValue(a.Expression, cancellationToken).HasValue))
        {
            return false;
        }

        return creation is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
            || (initializer.IsKind(SyntaxKind.ObjectInitializerExpression)
                && initializer.Expressions.All(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var member } } && Settings.Contains(member)));
    }

    /// <summary>
    /// A key the project provisions: not spelled out in source or derived from a literal (SRA1005's fix is the way there),
    /// not all zeros or from System.Random, not a random key made on the spot that nothing keeps, and movable as an expression.
    /// </summary>
    private static bool IsProvisionedKey(SemanticModel model, ExpressionSyntax key, CancellationToken cancellationToken)
    {
        if (key.DescendantNodesAndSelf().Any(n => n is DeclarationExpressionSyntax or DeclarationPatternSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax)
            || model.GetOperation(key, cancellationToken) is not { } operation)
        {
            return false;
        }

        var origin = new ByteOriginTracer(CryptoTypes.Resolve(model.Compilation)).Trace(operation);
        return origin.Kind switch
        {
            ByteOriginKind.Literal or ByteOriginKind.Zeroed or ByteOriginKind.SystemRandom => false,
            ByteOriginKind.CryptoRandom => key is IdentifierNameSyntax or MemberAccessExpressionSyntax,
            _ => true,
        };
    }

    /// <summary>
    /// The key expression moves from its statement to the encryption: no local or parameter it reads may be written in
    /// between, and the encryption must come after it in the same scope.
    /// </summary>
    private static bool StaysValid(SemanticModel model, BlockSyntax scope, StatementSyntax keyStatement, SyntaxNode encryption, ExpressionSyntax key, CancellationToken cancellationToken)
    {
        var statements = scope.Statements;
        var from = keyStatement.Parent == scope ? statements.IndexOf(keyStatement) + 1 : 0;
        var encryptionStatement = encryption.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent == scope);
        var to = encryptionStatement is null ? -1 : statements.IndexOf(encryptionStatement);
        if (to < from)
        {
            return false;
        }

        var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var name in key.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol)
            {
                read.Add(model.GetSymbolInfo(name, cancellationToken).Symbol!);
            }
        }

        if (read.Count == 0)
        {
            return true;
        }

        var flow = model.AnalyzeDataFlow(statements[from], statements[to]);
        return flow is { Succeeded: true } && !flow.WrittenInside.Any(read.Contains);
    }

    /// <summary>
    /// "using (var des = …) { body }" becomes the body's statements in the enclosing block, unless that would clash with a
    /// name there, move the disposal of a "using var" in the body, or lose a comment on a brace.
    /// </summary>
    private static bool CanFlatten(UsingStatementSyntax usingStatement, StatementSyntax? removedEncryptor)
    {
        if (usingStatement.Parent is not BlockSyntax parent
            || usingStatement.Statement is not BlockSyntax body
            || body.Statements.Any(s => s != removedEncryptor && s is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } or LabeledStatementSyntax)
            || HasComment(body.OpenBraceToken.TrailingTrivia)
            || HasComment(body.CloseBraceToken.LeadingTrivia)
            || HasComment(body.CloseBraceToken.TrailingTrivia))
        {
            return false;
        }

        var inBody = new HashSet<string>(DeclaredNames(body));
        return !DeclaredNames(parent, usingStatement).Any(inBody.Contains);
    }

    private static IEnumerable<string> DeclaredNames(SyntaxNode node, SyntaxNode? except = null) =>
        node.DescendantNodes(n => n != except).Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            CatchDeclarationSyntax c => c.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            _ => null,
        }).Where(n => !string.IsNullOrEmpty(n))!;

    private static bool HasComment(SyntaxTriviaList trivia) =>
        trivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static BlockSyntax Flatten(BlockSyntax block)
    {
        var statements = new List<StatementSyntax>();
        foreach (var statement in block.Statements)
        {
            if (!statement.HasAnnotation(UnwrapAnnotation) || statement is not UsingStatementSyntax { Statement: BlockSyntax body } usingStatement)
            {
                statements.Add(statement);
                continue;
            }

            for (var i = 0; i < body.Statements.Count; i++)
            {
                var moved = body.Statements[i];
                if (i == 0)
                {
                    // Comments above the using statement stay above what was its first statement.
                    moved = moved.WithLeadingTrivia(usingStatement.GetLeadingTrivia().AddRange(moved.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia))));
                }

                statements.Add(moved.WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        return block.WithStatements(SyntaxFactory.List(statements));
    }

    internal readonly record struct Plan(
        string Algorithm,
        AesGcmRewrite.Plan Encryption,
        LocalDeclarationStatementSyntax? Declaration,
        ImmutableArray<StatementSyntax> Removed,
        UsingStatementSyntax? Using,
        bool Flatten);
}
