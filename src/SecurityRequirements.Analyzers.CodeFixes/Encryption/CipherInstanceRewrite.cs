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
/// Plans the replacement of an unauthenticated encryption by <see cref="AesGcmHelper"/> for SRA1001 and SRA1003. When the
/// cipher is a local whose other uses only configure it, the local goes too: its one encryption (a shape
/// <see cref="AesGcmRewrite"/> knows) becomes <c>AesGcmEncryption.Encrypt(key, data)</c> with the key the code supplies,
/// and the declaration, the settings (Key, IV, Mode, Padding, sizes) and Dispose/Clear go with it, so no setting is left on
/// an object nothing uses. An AES instance that lives on (a parameter, a field, a local used again) keeps its settings
/// and gives its key: <c>AesGcmEncryption.Encrypt(aes.Key, data)</c>.
/// </summary>
/// <remarks>
/// What the fixed code encrypts must stay decryptable, so there is no plan when the key that reaches the helper can be
/// seen not to be 32 bytes (a 16-byte array, <c>KeySize = 128</c>, any DES, TripleDES or RC2 key), when the key would be
/// lost with the instance (a random key nothing reads), or when the project decrypts with a SymmetricAlgorithm anywhere
/// (<see cref="ReadPaths"/>): that read path would no longer read what the fixed code writes.
/// </remarks>
internal static class CipherInstanceRewrite
{
    private const int HelperKeyBytes = 32;

    private static readonly SyntaxAnnotation UnwrapAnnotation = new("SecurityRequirements.UnwrapUsing");

    /// <summary>Settings that configure only the instance; assignments to them disappear with it.</summary>
    private static readonly ImmutableHashSet<string> Settings = ImmutableHashSet.Create("Key", "IV", "Mode", "Padding", "KeySize", "BlockSize", "FeedbackSize");

    /// <summary>SRA1001: the legacy cipher created at the diagnostic, with its one encryption.</summary>
    public static bool TryPlanLegacy(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken, out Plan plan)
    {
        plan = default;

        // DES keys are 8 bytes, TripleDES keys 16 or 24, RC2 keys at most 16: none can reach the AES-256 helper. Rijndael's can.
        if (!diagnostic.Properties.TryGetValue("Algorithm", out var algorithm) || algorithm != "Rijndael"
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax creation
            || !TryDeclaration(model, creation, cancellationToken, out var instance)
            || TryPlanInstance(model, instance, expected: null, cancellationToken, out plan) != InstanceOutcome.Planned
            || ReadPaths.Decrypts(model.Compilation, cancellationToken))
        {
            plan = default;
            return false;
        }

        plan = plan with { Algorithm = algorithm };
        return true;
    }

    /// <summary>SRA1003: the encryption at the diagnostic, with its local instance when that goes too.</summary>
    public static bool TryPlanEncryption(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, out Plan plan)
    {
        plan = default;
        if (!AesGcmRewrite.TryPlan(model, invocation, cancellationToken, out var rewrite)
            || ReadPaths.Decrypts(model.Compilation, cancellationToken))
        {
            return false;
        }

        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var receiverSymbol = model.GetSymbolInfo(receiver, cancellationToken).Symbol;
        if (receiverSymbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initializer }
            && IsCipherCreation(model, SymbolReferences.Unwrap(initializer), cancellationToken)
            && TryDeclaration(model, SymbolReferences.Unwrap(initializer), cancellationToken, out var instance))
        {
            switch (TryPlanInstance(model, instance, invocation, cancellationToken, out plan))
            {
                case InstanceOutcome.Planned:
                    return true;
                case InstanceOutcome.KeyLost:
                    return false;
            }

            // Used again after this encryption: the instance stays, and so do its settings; it gives its key.
        }

        if (rewrite.Key is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Key" } ownKey && ownKey.Expression.IsEquivalentTo(receiver)
            ? !ReceiverKeyFits(model, receiverSymbol, invocation, cancellationToken)
            : !KeyFits(model, rewrite.Key, cancellationToken))
        {
            return false;
        }

        plan = new Plan("AES", rewrite, null, ImmutableArray<StatementSyntax>.Empty, null, false);
        return true;
    }

    /// <summary><c>new AesManaged()</c> or <c>Aes.Create()</c>: a creation whose removal loses nothing but the instance.</summary>
    private static bool IsCipherCreation(SemanticModel model, ExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var symmetricAlgorithm = CryptoTypes.Resolve(model.Compilation).SymmetricAlgorithm;
        return model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol method
            && (method.MethodKind == MethodKind.Constructor || (method.IsStatic && method.Name == "Create"))
            && CryptoTypes.DerivesFrom(method.ContainingType, symmetricAlgorithm);
    }

    /// <summary><c>aes.Key</c> read somewhere besides the encryption being rewritten (kept, returned, wrapped).</summary>
    private static bool ReadsKey(SemanticModel model, SyntaxNode body, ILocalSymbol local, InvocationExpressionSyntax encryption, CancellationToken cancellationToken) =>
        SymbolReferences.In(model, body, local, cancellationToken).Any(use =>
            use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Key" } access
            && access.Expression == use
            && !encryption.Span.Contains(use.Span)
            && !(access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access));

    /// <summary>The local a cipher creation initializes, and the scope it lives in.</summary>
    private static bool TryDeclaration(SemanticModel model, ExpressionSyntax creation, CancellationToken cancellationToken, out Instance instance)
    {
        instance = default;
        if (creation is not (BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax) || !HasOnlyConstantArguments(model, creation, cancellationToken))
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
        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax { Parent: BlockSyntax block } statement:
                instance = new Instance(creation, local, block, statement, null);
                return true;
            case UsingStatementSyntax { Statement: BlockSyntax body } statement:
                instance = new Instance(creation, local, body, null, statement);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The instance goes with its one encryption (<paramref name="expected"/> when given) when its other uses only
    /// configure it and the code supplies the key.
    /// </summary>
    private static InstanceOutcome TryPlanInstance(SemanticModel model, Instance instance, InvocationExpressionSyntax? expected, CancellationToken cancellationToken, out Plan plan)
    {
        plan = default;
        if (!TryClassifyUses(model, instance.Scope, instance.Local, cancellationToken, out var encryption, out var keyAssignment, out var removed)
            || (expected is not null && encryption != expected)
            || !AesGcmRewrite.TryPlan(model, encryption, cancellationToken, out var rewrite))
        {
            return InstanceOutcome.OtherUses;
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
        else if (InitializedKey(instance.Creation) is { } initialized)
        {
            key = initialized;
            keyStatement = (StatementSyntax?)instance.Declaration ?? instance.Using;
        }
        else
        {
            return InstanceOutcome.KeyLost; // the instance's own random key would be lost
        }

        if (!IsProvisionedKey(model, key, cancellationToken)
            || !KeyFits(model, key, cancellationToken)
            || (keyStatement is not null && !StaysValid(model, instance.Scope, keyStatement, rewrite.Replaced, key, cancellationToken)))
        {
            return InstanceOutcome.KeyLost;
        }

        plan = new Plan(string.Empty, rewrite with { Key = key }, instance.Declaration, removed, instance.Using, instance.Using is not null && CanFlatten(instance.Using, rewrite.RemovedDeclaration));
        return InstanceOutcome.Planned;
    }

    /// <summary>A key whose length the code shows is the helper's 32 bytes; one of unknown length passes (it comes from the caller or a key store).</summary>
    private static bool KeyFits(SemanticModel model, ExpressionSyntax key, CancellationToken cancellationToken)
    {
        var length = model.GetOperation(key, cancellationToken) is { } operation ? new ByteOriginTracer(CryptoTypes.Resolve(model.Compilation)).Trace(operation).Length : null;
        length ??= HashLength(model, key, cancellationToken);
        return length is null || length == HelperKeyBytes;
    }

    /// <summary>A key derived by hashing has the hash's length: MD5.HashData(…) is 16 bytes, SHA256 32.</summary>
    private static int? HashLength(SemanticModel model, ExpressionSyntax key, CancellationToken cancellationToken)
    {
        var expression = SymbolReferences.Unwrap(key);
        if (model.GetSymbolInfo(expression, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initializer })
        {
            expression = SymbolReferences.Unwrap(initializer);
        }

        if (expression is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "HashData" or "ComputeHash" } method)
        {
            return null;
        }

        var type = method.IsStatic || invocation.Expression is not MemberAccessExpressionSyntax access
            ? method.ContainingType
            : model.GetTypeInfo(access.Expression, cancellationToken).Type;
        for (var current = type; current is not null; current = current.BaseType)
        {
            switch (current.Name)
            {
                case "MD5" or "HMACMD5":
                    return 16;
                case "SHA1" or "HMACSHA1":
                    return 20;
                case "SHA256" or "HMACSHA256":
                    return 32;
                case "SHA384" or "HMACSHA384":
                    return 48;
                case "SHA512" or "HMACSHA512":
                    return 64;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>aes.Key</c> of an instance that stays: the last Key or KeySize the method gives it before the encryption decides
    /// its length; with neither, the caller's key or AES's default 256-bit one.
    /// </summary>
    private static bool ReceiverKeyFits(SemanticModel model, ISymbol? receiver, InvocationExpressionSyntax encryption, CancellationToken cancellationToken)
    {
        if (receiver is null || SymbolReferences.Body(encryption) is not { } body)
        {
            return false;
        }

        ExpressionSyntax? lastKey = null;
        ExpressionSyntax? lastKeySize = null;
        foreach (var assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.SpanStart > encryption.SpanStart
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Key" or "KeySize" } target
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target.Expression, cancellationToken).Symbol, receiver))
            {
                continue;
            }

            // Setting Key sets KeySize, and setting KeySize discards the key: the later one decides.
            var isKey = target.Name.Identifier.ValueText == "Key";
            lastKey = isKey ? assignment.Right : null;
            lastKeySize = isKey ? null : assignment.Right;
        }

        if (receiver is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var creation })
        {
            lastKey ??= lastKeySize is null ? InitializedKey(SymbolReferences.Unwrap(creation)) : null;
            if (lastKey is null && lastKeySize is null && !ReadsKey(model, body, local, encryption, cancellationToken))
            {
                return false; // a random key nothing else reads: what the helper encrypts could never be decrypted
            }
        }

        if (lastKey is not null)
        {
            return KeyFits(model, lastKey, cancellationToken);
        }

        return lastKeySize is null
            || model.GetConstantValue(lastKeySize, cancellationToken) is not { HasValue: true, Value: int bits }
            || bits == HelperKeyBytes * 8;
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

    private enum InstanceOutcome
    {
        Planned,

        /// <summary>The instance has uses besides its settings and this encryption, so it stays.</summary>
        OtherUses,

        /// <summary>The instance could go, but the key the helper would get is lost, unfit or not the code's own.</summary>
        KeyLost,
    }

    private readonly record struct Instance(ExpressionSyntax Creation, ILocalSymbol Local, BlockSyntax Scope, LocalDeclarationStatementSyntax? Declaration, UsingStatementSyntax? Using);

    internal readonly record struct Plan(
        string Algorithm,
        AesGcmRewrite.Plan Encryption,
        LocalDeclarationStatementSyntax? Declaration,
        ImmutableArray<StatementSyntax> Removed,
        UsingStatementSyntax? Using,
        bool Flatten);
}
