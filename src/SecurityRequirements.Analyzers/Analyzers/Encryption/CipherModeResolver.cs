using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Which mode a SymmetricAlgorithm instance runs in, and where an instance goes after it is made. Within the body
/// the operation tree is read; across members (the helper that made the instance, the type that holds it in a field)
/// only syntax is read, because another file's semantic model is off limits to an analyzer (RS1030). Per-member
/// answers are cached for the compilation.
/// </summary>
internal sealed class CipherModeResolver
{
    public static readonly Mode Default = new("CBC", "CBC mode (the default)");
    public static readonly Mode RunTime = new("run-time", "a mode chosen at run time");
    public static readonly Mode Unseen = new("unknown", "the mode set where it was made (CBC by default)");

    private readonly CryptoTypes _types;
    private readonly ConcurrentDictionary<ISymbol, Mode> _returnedModes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, MemberUse> _memberUses = new(SymbolEqualityComparer.Default);

    public CipherModeResolver(CryptoTypes types)
    {
        _types = types;
    }

    public static Mode Constant(string name) => new(name, name + " mode");

    /// <summary>The CipherMode member name of a constant (or a local or readonly field holding one), else null.</summary>
    public static string? ConstantMode(IOperation value, CryptoTypes types)
    {
        if (!ConstantTracer.TryGetValue(value, out var constant) || constant is not int number || types.CipherMode is not { } cipherMode)
        {
            return null;
        }

        foreach (var member in cipherMode.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int field } named && field == number)
            {
                return named.Name;
            }
        }

        return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The mode of the instance <paramref name="receiver"/> names at <paramref name="sink"/>.</summary>
    public Mode ModeOf(IOperation? receiver, IOperation sink)
    {
        var symbol = OperationTree.ReferencedSymbol(receiver);
        if (symbol is null)
        {
            return FromSource(OperationTree.SkipConversions(receiver));
        }

        if (ModeInBody(symbol, sink, sink.Syntax.SpanStart) is { } set)
        {
            return set;
        }

        return symbol switch
        {
            ILocalSymbol local => FromSource(OperationTree.SkipConversions(ConstantTracer.OnlyWrite(local, sink))),
            IFieldSymbol or IPropertySymbol => UseOf(symbol).Mode,
            _ => Unseen,
        };
    }

    /// <summary>True when the instance is only used to decrypt: in the body for locals and parameters, in its type for fields.</summary>
    public bool OnlyDecrypts(IOperation? instance, IOperation anchor)
    {
        var symbol = OperationTree.ReferencedSymbol(instance) ?? DeclaredBy(instance, anchor);
        if (symbol is null)
        {
            return false;
        }

        if (symbol is IFieldSymbol or IPropertySymbol)
        {
            var use = UseOf(symbol);
            return use.Decrypts && !use.Encrypts;
        }

        var (encrypts, decrypts) = UsesInBody(symbol, anchor);
        return decrypts && !encrypts;
    }

    /// <summary>Where a newly made instance goes when it leaves the method, and its mode; null when it stays (or is used here).</summary>
    public Escaped? Escape(IOperation creation, ISymbol? containingSymbol)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IReturnOperation when FunctionName(parent, containingSymbol) is { } function:
                return new Escaped("returned by " + function, InitializerMode(creation) ?? Default);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalEscape(declarator.Symbol, creation, containingSymbol);

            case ISimpleAssignmentOperation { Target: var target } when target is IFieldReferenceOperation or IPropertyReferenceOperation:
                var member = target is IFieldReferenceOperation field ? (ISymbol)field.Field : ((IPropertyReferenceOperation)target).Property;
                return StoredEscape(member, creation);

            case IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer:
                return StoredEscape(fieldInitializer.InitializedFields[0], creation);

            case IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInitializer:
                return StoredEscape(propertyInitializer.InitializedProperties[0], creation);

            default:
                return null;
        }
    }

    private Escaped? StoredEscape(ISymbol member, IOperation creation)
    {
        var use = UseOf(member);
        if (use.Encrypts || use.Decrypts)
        {
            return null; // the type's own CreateEncryptor is reported with this mode; a decrypt-only holder is silent
        }

        return new Escaped("stored in " + member.Name, InitializerMode(creation) ?? ModeInBody(member, creation, int.MaxValue) ?? use.Mode);
    }

    private Escaped? LocalEscape(ILocalSymbol local, IOperation creation, ISymbol? containingSymbol)
    {
        string? where = null;
        foreach (var operation in OperationTree.Root(creation).Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation { Instance: { } instance } call when OperationTree.IsReferenceTo(instance, local) && IsCipherCall(call.TargetMethod.Name):
                    return null; // encrypted with here (reported at the call) or decrypted with
                case IReturnOperation { ReturnedValue: { } value } returned when OperationTree.IsReferenceTo(value, local):
                    where ??= FunctionName(returned, containingSymbol) is { } function ? "returned by " + function : null;
                    break;
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } stored when OperationTree.IsReferenceTo(stored.Value, local):
                    where ??= "stored in " + (stored.Target is IFieldReferenceOperation field ? field.Field.Name : ((IPropertyReferenceOperation)stored.Target).Property.Name);
                    break;
            }
        }

        return where is null ? null : new Escaped(where, ModeInBody(local, creation, int.MaxValue) ?? Default);
    }

    private static bool IsCipherCall(string name) => name.StartsWith("CreateEncryptor", System.StringComparison.Ordinal)
        || name.StartsWith("CreateDecryptor", System.StringComparison.Ordinal) || name.StartsWith("Encrypt", System.StringComparison.Ordinal)
        || name.StartsWith("Decrypt", System.StringComparison.Ordinal) || name.StartsWith("TryEncrypt", System.StringComparison.Ordinal)
        || name.StartsWith("TryDecrypt", System.StringComparison.Ordinal);

    private static bool IsEncryption(string name) => name is "CreateEncryptor" or "EncryptCbc" or "EncryptEcb" or "EncryptCfb" or "TryEncryptCbc" or "TryEncryptEcb" or "TryEncryptCfb";

    private static bool IsDecryption(string name) => name is "CreateDecryptor" or "DecryptCbc" or "DecryptEcb" or "DecryptCfb" or "TryDecryptCbc" or "TryDecryptEcb" or "TryDecryptCfb";

    /// <summary>The method a return belongs to; null inside a lambda, whose result goes who knows where.</summary>
    private static string? FunctionName(IOperation returned, ISymbol? containingSymbol)
    {
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol.Name;
            }
        }

        return containingSymbol switch
        {
            IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
            null => null,
            _ => containingSymbol.Name,
        };
    }

    /// <summary>The local an object initializer's implicit receiver is declared as.</summary>
    private static ISymbol? DeclaredBy(IOperation? instance, IOperation anchor)
    {
        if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return null;
        }

        for (var parent = anchor.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectCreationOperation)
            {
                var owner = parent.Parent;
                while (owner is IConversionOperation or IVariableInitializerOperation)
                {
                    owner = owner.Parent;
                }

                return owner is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
            }
        }

        return null;
    }

    private static (bool Encrypts, bool Decrypts) UsesInBody(ISymbol symbol, IOperation anchor)
    {
        bool encrypts = false, decrypts = false;
        foreach (var operation in OperationTree.Root(anchor).Descendants())
        {
            var (instance, name) = operation switch
            {
                IInvocationOperation call => (call.Instance, call.TargetMethod.Name),
                IDynamicInvocationOperation { Operation: IDynamicMemberReferenceOperation member } => (member.Instance, member.MemberName),
                _ => (null, string.Empty),
            };
            if (instance is not null && OperationTree.IsReferenceTo(instance, symbol))
            {
                encrypts |= IsEncryption(name);
                decrypts |= IsDecryption(name);
            }
        }

        return (encrypts, decrypts);
    }

    /// <summary>The last constant (or run-time) Mode assigned to the instance in the body before <paramref name="before"/>.</summary>
    private Mode? ModeInBody(ISymbol symbol, IOperation anchor, int before)
    {
        Mode? mode = null;
        foreach (var operation in OperationTree.Root(anchor).Descendants())
        {
            if (operation is not ISimpleAssignmentOperation assignment || assignment.Syntax.SpanStart > before)
            {
                continue;
            }

            var instance = assignment.Target switch
            {
                IPropertyReferenceOperation { Property.Name: "Mode" } property when CryptoTypes.DerivesFrom(property.Property.ContainingType, _types.SymmetricAlgorithm) => property.Instance,
                IDynamicMemberReferenceOperation { MemberName: "Mode" } member => member.Instance,
                _ => null,
            };
            if (instance is not null && (OperationTree.IsReferenceTo(instance, symbol) || SymbolEqualityComparer.Default.Equals(DeclaredBy(instance, assignment), symbol)))
            {
                mode = ConstantMode(assignment.Value, _types) is { } name ? Constant(name) : RunTime;
            }
        }

        return mode;
    }

    /// <summary>A Mode set in the object initializer of the creation itself.</summary>
    private Mode? InitializerMode(IOperation creation)
    {
        if (creation is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return null;
        }

        Mode? mode = null;
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" } } assignment)
            {
                mode = ConstantMode(assignment.Value, _types) is { } name ? Constant(name) : RunTime;
            }
        }

        return mode;
    }

    /// <summary>The mode of an instance a local was initialised with: a creation here, or the result of a helper in the compilation.</summary>
    private Mode FromSource(IOperation? source)
    {
        switch (source)
        {
            case IObjectCreationOperation creation:
                return InitializerMode(creation) ?? Default;

            case IInvocationOperation { TargetMethod: var method } when method.IsStatic && method.Name == "Create" && CryptoTypes.DerivesFrom(method.ContainingType, _types.SymmetricAlgorithm):
                return Default;

            case IInvocationOperation { TargetMethod: var helper } when !helper.DeclaringSyntaxReferences.IsEmpty:
                return _returnedModes.GetOrAdd(helper.OriginalDefinition, ModeInMember);

            case IPropertyReferenceOperation { Property: var property } when !property.DeclaringSyntaxReferences.IsEmpty && property.GetMethod is { } getter:
                return UseOf(property).Mode;

            default:
                return Unseen;
        }
    }

    /// <summary>The last Mode a helper's body writes (to whatever it configures and returns), or CBC when it writes none.</summary>
    private static Mode ModeInMember(ISymbol member)
    {
        Mode? mode = null;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            foreach (var assignment in reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (IsModeTarget(assignment.Left))
                {
                    mode = SyntaxMode(assignment.Right);
                }
            }
        }

        return mode ?? Default;
    }

    /// <summary>How a field or property holding an instance is configured and used, read from its type's declarations.</summary>
    private MemberUse UseOf(ISymbol member) => _memberUses.GetOrAdd(member.OriginalDefinition, ReadUse);

    private static MemberUse ReadUse(ISymbol member)
    {
        Mode? mode = null;
        bool encrypts = false, decrypts = false, assigned = false;
        foreach (var typeReference in member.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var node in typeReference.GetSyntax().DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when IsModeTarget(assignment.Left) && NamesMember(ModeOwner(assignment.Left), member.Name):
                        mode = SyntaxMode(assignment.Right);
                        break;

                    case AssignmentExpressionSyntax assignment when NamesMember(assignment.Left, member.Name):
                        assigned = true;
                        mode = ModeInInitializer(assignment.Right) ?? mode;
                        break;

                    case VariableDeclaratorSyntax { Initializer.Value: var fieldValue } declarator when declarator.Identifier.ValueText == member.Name:
                        assigned = true;
                        mode = ModeInInitializer(fieldValue) ?? mode;
                        break;

                    case PropertyDeclarationSyntax { Initializer.Value: var propertyValue } property when property.Identifier.ValueText == member.Name:
                        assigned = true;
                        mode = ModeInInitializer(propertyValue) ?? mode;
                        break;

                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access when NamesMember(access.Expression, member.Name):
                        encrypts |= IsEncryption(name);
                        decrypts |= IsDecryption(name);
                        break;
                }
            }
        }

        return new MemberUse(mode ?? (assigned ? Default : Unseen), encrypts, decrypts);
    }

    /// <summary><c>x.Mode</c>, <c>this._aes.Mode</c>, or <c>Mode</c> inside an object initializer.</summary>
    private static bool IsModeTarget(ExpressionSyntax left) =>
        left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Mode" }
        || (left is IdentifierNameSyntax { Identifier.ValueText: "Mode" } && left.Parent?.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression });

    /// <summary>The instance a Mode assignment configures: the expression before <c>.Mode</c>, or the target the initialised object is assigned to.</summary>
    private static ExpressionSyntax? ModeOwner(ExpressionSyntax left)
    {
        if (left is MemberAccessExpressionSyntax access)
        {
            return access.Expression;
        }

        // _aes = new AesManaged { Mode = … }: the assignment the creation is the right side of.
        var creation = left.Parent?.Parent?.Parent;
        return creation?.Parent is AssignmentExpressionSyntax outer && outer.Right == creation ? outer.Left : null;
    }

    private static bool NamesMember(ExpressionSyntax? expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var memberName } => memberName.Identifier.ValueText == name,
        _ => false,
    };

    private static Mode? ModeInInitializer(ExpressionSyntax value)
    {
        if (value is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            return null;
        }

        Mode? mode = null;
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax assignment && IsModeTarget(assignment.Left))
            {
                mode = SyntaxMode(assignment.Right);
            }
        }

        return mode;
    }

    /// <summary><c>CipherMode.ECB</c> (qualified or not) read from syntax; anything else is a run-time mode.</summary>
    private static Mode SyntaxMode(ExpressionSyntax right) =>
        right is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var owner }
        && owner.ToString().EndsWith("CipherMode", System.StringComparison.Ordinal)
            ? Constant(name)
            : RunTime;

    /// <summary>A mode for messages: the short name for the Mode property, and the phrase the message uses.</summary>
    public sealed class Mode
    {
        public Mode(string name, string phrase)
        {
            Name = name;
            Phrase = phrase;
        }

        public string Name { get; }

        public string Phrase { get; }
    }

    /// <summary>Where an instance went ("returned by CreateCipher", "stored in _aes") and the mode it carried.</summary>
    public sealed class Escaped
    {
        public Escaped(string where, Mode mode)
        {
            Where = where;
            Mode = mode;
        }

        public string Where { get; }

        public Mode Mode { get; }
    }

    private sealed class MemberUse
    {
        public MemberUse(Mode mode, bool encrypts, bool decrypts)
        {
            Mode = mode;
            Encrypts = encrypts;
            Decrypts = decrypts;
        }

        public Mode Mode { get; }

        public bool Encrypts { get; }

        public bool Decrypts { get; }
    }
}
