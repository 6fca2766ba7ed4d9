using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Traces a byte buffer passed to a crypto API back to where it was made, within the member body and through
/// readonly fields initialised in the same file. Bounded depth; runs only at crypto sinks, never per node.
/// </summary>
internal sealed class ByteOriginTracer
{
    private const int MaxDepth = 4;
    private readonly CryptoTypes _types;

    public ByteOriginTracer(CryptoTypes types)
    {
        _types = types;
    }

    public ByteOrigin Trace(IOperation value) => Trace(value, 0);

    /// <summary>True when <paramref name="invocation"/> fills <paramref name="symbol"/> with random bytes (crypto or not).</summary>
    public ByteOriginKind FillKind(IInvocationOperation invocation, ISymbol symbol)
    {
        var method = invocation.TargetMethod;
        var isCrypto = CryptoTypes.DerivesFrom(method.ContainingType, _types.RandomNumberGenerator)
            && method.Name is "Fill" or "GetBytes" or "GetNonZeroBytes";
        var isSystemRandom = method.Name == "NextBytes" && _types.SystemRandom is { } random && InsecureRandomnessAnalyzer.IsSystemRandom(invocation.Instance, random);
        if (!isCrypto && !isSystemRandom)
        {
            return ByteOriginKind.Unknown;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (RefersTo(argument.Value, symbol))
            {
                return isCrypto ? ByteOriginKind.CryptoRandom : ByteOriginKind.SystemRandom;
            }
        }

        return ByteOriginKind.Unknown;
    }

    /// <summary>
    /// True when <paramref name="invocation"/> may write into <paramref name="symbol"/>: it is passed to a writable span or
    /// memory, by ref or out, or to an array parameter named as a destination (Array.Copy's destinationArray,
    /// Buffer.BlockCopy's dst, the buffer of Stream.Read*, the bytes of Encoding.GetBytes). Stream.Write's buffer
    /// and Encoding.GetString's bytes are only read.
    /// </summary>
    public static bool WritesInto(IInvocationOperation invocation, ISymbol symbol)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !RefersTo(argument.Value, symbol))
            {
                continue;
            }

            if (parameter.RefKind is RefKind.Ref or RefKind.Out
                || parameter.Type is INamedTypeSymbol { Name: "Span" or "Memory", ContainingNamespace.Name: "System" }
                || parameter.Name.StartsWith("dest", System.StringComparison.Ordinal)
                || parameter.Name.StartsWith("dst", System.StringComparison.Ordinal)
                || parameter.Name.StartsWith("output", System.StringComparison.Ordinal)
                || (parameter.Name == "buffer" && invocation.TargetMethod.Name.StartsWith("Read", System.StringComparison.Ordinal))
                || (parameter.Name == "bytes" && invocation.TargetMethod.Name == "GetBytes"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A reference to the symbol itself, or to a span over it (<c>x.AsSpan()</c>, <c>x.AsSpan(0, 12)</c>, implicit span conversions).</summary>
    public static bool RefersTo(IOperation? operation, ISymbol symbol)
    {
        operation = OperationTree.SkipConversions(operation);
        if (operation is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } asSpan)
        {
            operation = asSpan.Instance ?? (asSpan.Arguments.Length > 0 ? asSpan.Arguments[0].Value : null);
        }

        return OperationTree.IsReferenceTo(operation, symbol);
    }

    private ByteOrigin Trace(IOperation? value, int depth)
    {
        value = OperationTree.SkipConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return ByteOrigin.Unknown;
        }

        switch (value)
        {
            case IArrayCreationOperation creation:
                return TraceArrayCreation(creation);

            case IArrayInitializerOperation { Parent: IArrayCreationOperation implicitCreation }:
                // "static readonly byte[] Key = { 1, 2, 3 };": the model hands back the initializer of an implicit creation.
                return TraceArrayCreation(implicitCreation);

            case IObjectCreationOperation { Arguments.Length: 1 } spanCreation when spanCreation.Type?.Name is "ReadOnlySpan" or "Span":
                return Trace(spanCreation.Arguments[0].Value, depth + 1);

            case IInvocationOperation invocation:
                return TraceInvocation(invocation, depth);

            case IParameterReferenceOperation parameter:
                return TraceParameter(parameter);

            case ILocalReferenceOperation local:
                return TraceSymbol(local.Local, value, depth);

            case IFieldReferenceOperation field:
                return TraceField(field, depth);

            default:
                if (value.Kind == OperationKind.Utf8String && value.Syntax is LiteralExpressionSyntax utf8)
                {
                    return new ByteOrigin(ByteOriginKind.Literal, null, "the UTF-8 string literal " + utf8.Token.Text);
                }

                // Collection expressions ("byte[] key = [1, 2, 3];") have no dedicated IOperation in Roslyn 4.8, so read the syntax.
                if (value.Syntax is CollectionExpressionSyntax collection)
                {
                    return TraceCollectionExpression(collection, value);
                }

                return ByteOrigin.Unknown;
        }
    }

    private static ByteOrigin TraceArrayCreation(IArrayCreationOperation creation)
    {
        if (creation.Initializer is { } initializer)
        {
            foreach (var element in initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                {
                    return ByteOrigin.Unknown;
                }
            }

            return new ByteOrigin(ByteOriginKind.Literal, initializer.ElementValues.Length, "a byte array literal" + Line(creation));
        }

        if (creation.DimensionSizes.Length == 1 && creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size })
        {
            return new ByteOrigin(ByteOriginKind.Zeroed, size, "new byte[" + size.ToString(CultureInfo.InvariantCulture) + "]" + Line(creation) + ", never filled with random bytes");
        }

        return ByteOrigin.Unknown;
    }

    private static ByteOrigin TraceCollectionExpression(CollectionExpressionSyntax collection, IOperation value)
    {
        if (collection.Elements.Count == 0 || value.SemanticModel is not { } model)
        {
            return ByteOrigin.Unknown;
        }

        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax { Expression: var expression } || !model.GetConstantValue(expression).HasValue)
            {
                return ByteOrigin.Unknown;
            }
        }

        return new ByteOrigin(ByteOriginKind.Literal, collection.Elements.Count, "a byte array literal" + Line(value));
    }

    private ByteOrigin TraceInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var firstValue = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        if (method.Name == "GetBytes" && CryptoTypes.DerivesFrom(method.ContainingType, _types.Encoding) && firstValue is not null)
        {
            if (ConstantTracer.String(firstValue) is { } text)
            {
                return new ByteOrigin(ByteOriginKind.Literal, Encoding.UTF8.GetByteCount(text), "Encoding." + EncodingName(invocation) + ".GetBytes of a string literal" + Line(invocation));
            }

            return Through(Trace(firstValue, depth + 1), "Encoding." + EncodingName(invocation) + ".GetBytes of ", null);
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.Convert) && method.Name is "FromBase64String" or "FromHexString" && firstValue is not null)
        {
            if (ConstantTracer.String(firstValue) is { } encoded)
            {
                return method.Name == "FromBase64String"
                    ? new ByteOrigin(ByteOriginKind.Literal, Base64Length(encoded), "Convert.FromBase64String of a string literal" + Line(invocation))
                    : new ByteOrigin(ByteOriginKind.Literal, encoded.Length / 2, "Convert.FromHexString of a string literal" + Line(invocation));
            }

            return Through(Trace(firstValue, depth + 1), "Convert." + method.Name + " of ", null);
        }

        if (method.IsStatic && method.Name == "GetBytes" && CryptoTypes.DerivesFrom(method.ContainingType, _types.RandomNumberGenerator))
        {
            var length = firstValue?.ConstantValue is { HasValue: true, Value: int count } ? count : (int?)null;
            return new ByteOrigin(ByteOriginKind.CryptoRandom, length, "RandomNumberGenerator.GetBytes");
        }

        if (method.Name is "ComputeHash" or "HashData" && !method.ContainingType.Name.StartsWith("HMAC", StringComparison.Ordinal) && CryptoTypes.DerivesFrom(method.IsStatic ? method.ContainingType : invocation.Instance?.Type, _types.HashAlgorithm) && firstValue is not null)
        {
            // key = SHA256.HashData(Encoding.UTF8.GetBytes("passphrase")): as fixed as the passphrase, and as long as the digest.
            var hash = method.IsStatic ? method.ContainingType : invocation.Instance!.Type!;
            return Through(Trace(firstValue, depth + 1), "the " + hash.Name + " hash of ", DigestLength(hash.Name));
        }

        return TraceKeyDerivation(invocation, depth);
    }

    /// <summary>
    /// <c>new Rfc2898DeriveBytes(password, salt).GetBytes(32)</c>, <c>PasswordDeriveBytes</c> and <c>Rfc2898DeriveBytes.Pbkdf2</c>:
    /// a hard-coded password with a hard-coded salt derives the same bytes on every run.
    /// </summary>
    private ByteOrigin TraceKeyDerivation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        ImmutableArray<IArgumentOperation> arguments;
        int? length;
        string kdf;
        if (method.Name == "GetBytes" && !method.IsStatic && CryptoTypes.DerivesFrom(invocation.Instance?.Type, _types.DeriveBytes))
        {
            var instance = OperationTree.SkipConversions(invocation.Instance);
            if (instance is ILocalReferenceOperation local)
            {
                instance = OperationTree.SkipConversions(ConstantTracer.OnlyWrite(local.Local, local));
            }

            if (instance is not IObjectCreationOperation creation)
            {
                return ByteOrigin.Unknown;
            }

            arguments = creation.Arguments;
            kdf = creation.Type!.Name;
            length = invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int count } ? count : null;
        }
        else if (method.IsStatic && method.Name == "Pbkdf2" && CryptoTypes.DerivesFrom(method.ContainingType, _types.DeriveBytes))
        {
            arguments = invocation.Arguments;
            kdf = method.ContainingType.Name + ".Pbkdf2";
            length = Argument(arguments, "outputLength")?.Value.ConstantValue is { HasValue: true, Value: int count } ? count : null;
        }
        else
        {
            return ByteOrigin.Unknown;
        }

        var password = Argument(arguments, "password");
        var salt = Argument(arguments, "salt");
        if (password is null || salt is null || !IsFixed(salt.Value, depth))
        {
            return ByteOrigin.Unknown; // a random salt makes each derivation different
        }

        if (IsFixed(password.Value, depth))
        {
            return new ByteOrigin(ByteOriginKind.Literal, length, "derived by " + kdf + " from a hard-coded password and salt" + Line(invocation));
        }

        var fromParameter = Trace(password.Value, depth + 1);
        return fromParameter.Kind == ByteOriginKind.Parameter
            ? fromParameter with { Length = length, Description = "derived by " + kdf + " from " + fromParameter.Description }
            : ByteOrigin.Unknown;
    }

    private bool IsFixed(IOperation value, int depth) =>
        ConstantTracer.String(value) is not null || Trace(value, depth + 1).Kind == ByteOriginKind.Literal;

    /// <summary>An encoding or hash of a traced value: literals stay literals, parameters stay parameters.</summary>
    private static ByteOrigin Through(ByteOrigin inner, string prefix, int? length) => inner.Kind switch
    {
        ByteOriginKind.Literal => inner with { Length = length ?? inner.Length, Description = prefix + inner.Description },
        ByteOriginKind.Parameter => inner with { Length = length, Description = prefix + inner.Description },
        _ => ByteOrigin.Unknown,
    };

    private static int? DigestLength(string algorithm) => algorithm switch
    {
        "MD5" => 16,
        "SHA1" => 20,
        "SHA256" => 32,
        "SHA384" => 48,
        "SHA512" => 64,
        _ => null,
    };

    private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>A parameter the body never writes or fills: its bytes are whatever the callers pass.</summary>
    private ByteOrigin TraceParameter(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (parameter.RefKind == RefKind.Out || parameter.ContainingSymbol is not IMethodSymbol)
        {
            return ByteOrigin.Unknown;
        }

        foreach (var operation in OperationTree.Root(reference).Descendants())
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when OperationTree.IsReferenceTo(assignment.Target, parameter):
                case IArrayElementReferenceOperation { Parent: IAssignmentOperation write } element when write.Target == element && OperationTree.IsReferenceTo(element.ArrayReference, parameter):
                case IInvocationOperation invocation when FillKind(invocation, parameter) != ByteOriginKind.Unknown || WritesInto(invocation, parameter):
                    return ByteOrigin.Unknown;
            }
        }

        return new ByteOrigin(ByteOriginKind.Parameter, null, "the parameter '" + parameter.Name + "'") { Parameter = parameter };
    }

    private ByteOrigin TraceSymbol(ISymbol symbol, IOperation reference, int depth)
    {
        IOperation? onlyWrite = null;
        var writes = 0;
        var fill = ByteOriginKind.Unknown;
        var overwritten = false;
        foreach (var operation in OperationTree.Root(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    var initializer = declarator.GetVariableInitializer();
                    if (initializer is not null)
                    {
                        writes++;
                        onlyWrite = initializer.Value;
                    }

                    break;

                case ISimpleAssignmentOperation assignment when OperationTree.IsReferenceTo(assignment.Target, symbol):
                    writes++;
                    onlyWrite = assignment.Value;
                    break;

                case IInvocationOperation invocation:
                    var kind = FillKind(invocation, symbol);
                    if (kind == ByteOriginKind.CryptoRandom || (kind == ByteOriginKind.SystemRandom && fill == ByteOriginKind.Unknown))
                    {
                        fill = kind;
                    }
                    else if (kind == ByteOriginKind.Unknown && WritesInto(invocation, symbol))
                    {
                        overwritten = true;
                    }

                    break;

                case IArrayElementReferenceOperation element when element.Parent is IAssignmentOperation elementWrite
                    && elementWrite.Target == element && OperationTree.IsReferenceTo(element.ArrayReference, symbol):
                    overwritten = true;
                    break;
            }
        }

        // Bytes copied in by other code (Array.Copy, BlockCopy, Stream.Read, BinaryPrimitives, key[i] = ...) are not
        // the literal or the zeros the array started with: what they are is unknown, so nothing is claimed.
        if (overwritten && fill == ByteOriginKind.Unknown)
        {
            return ByteOrigin.Unknown;
        }

        if (fill == ByteOriginKind.CryptoRandom)
        {
            return new ByteOrigin(ByteOriginKind.CryptoRandom, writes == 1 ? Trace(onlyWrite, depth + 1).Length : null, "RandomNumberGenerator");
        }

        if (fill == ByteOriginKind.SystemRandom)
        {
            return new ByteOrigin(ByteOriginKind.SystemRandom, writes == 1 ? Trace(onlyWrite, depth + 1).Length : null, "System.Random.NextBytes");
        }

        return writes == 1 ? Trace(onlyWrite, depth + 1) : ByteOrigin.Unknown;
    }

    private ByteOrigin TraceField(IFieldReferenceOperation reference, int depth)
    {
        var field = reference.Field;
        if (!field.IsReadOnly || reference.SemanticModel is not { } model)
        {
            return ByteOrigin.Unknown;
        }

        foreach (var syntaxReference in field.DeclaringSyntaxReferences)
        {
            // Only initialisers in the file being analysed: asking the compilation for another tree's model is RS1030.
            if (syntaxReference.SyntaxTree != model.SyntaxTree
                || syntaxReference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                continue;
            }

            var origin = Trace(model.GetOperation(initializer), depth + 1);
            var owner = field.ContainingType.Name + "." + field.Name;
            return origin.Kind switch
            {
                ByteOriginKind.Literal => origin with { Description = origin.Description + " in the readonly field " + owner },
                ByteOriginKind.Zeroed => origin with { Description = "the readonly field " + owner + ", " + origin.Description + " and shared by every call" },
                _ => origin,
            };
        }

        return ByteOrigin.Unknown;
    }

    private static string EncodingName(IInvocationOperation invocation) =>
        OperationTree.SkipConversions(invocation.Instance) is IPropertyReferenceOperation property ? property.Property.Name : "GetEncoding(...)";

    private static int? Base64Length(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length % 4 != 0)
        {
            return null;
        }

        var padding = trimmed.EndsWith("==", StringComparison.Ordinal) ? 2 : trimmed.EndsWith("=", StringComparison.Ordinal) ? 1 : 0;
        return (trimmed.Length / 4 * 3) - padding;
    }

    private static string Line(IOperation operation) =>
        " (line " + (operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ")";
}
