using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Follows one <c>System.Random</c> result forward through its member body to what it becomes: cipher or hash input,
/// text encoded with Convert.ToBase64String, a member or local whose name says it holds a secret, a value returned
/// by a method whose name says so, or random text assembled and returned. Returns a phrase for the message, or null
/// when the value ends somewhere ordinary (a delay, an index, a shuffle key, a colour). Runs only at calls on
/// System.Random; every walk is bounded.
/// </summary>
internal sealed class RandomValueFlow
{
    private const int MaxSteps = 48;
    private const int MaxSymbols = 8;

    private static readonly HashSet<string> ProjectingLinq = new(System.StringComparer.Ordinal) { "Select", "SelectMany", "ConvertAll", "Aggregate" };

    private readonly bool _names;

    /// <param name="names">Whether names and returned random text count (off in test assemblies, where random passwords are test data).</param>
    public RandomValueFlow(bool names)
    {
        _names = names;
    }

    /// <summary>What the value produced by <paramref name="call"/> becomes, or null when it is not a security value.</summary>
    public string? Classify(IInvocationOperation call, ISymbol? containingSymbol)
    {
        var walk = new Walk(this, call, containingSymbol);
        if (call.TargetMethod.Name == "NextBytes")
        {
            if (call.Arguments.Length == 1 && OperationTree.ReferencedSymbol(StripSpan(call.Arguments[0].Value)) is { } buffer)
            {
                // Where the bytes go says most (the key of AesGcm); the buffer's own name ("salt") is the fallback.
                return walk.Taint(buffer, text: false) ?? walk.Named(buffer, TypeOf(buffer), "the {0} '" + buffer.Name + "'");
            }

            return null;
        }

        return walk.Follow(call, text: false);
    }

    private static IOperation? StripSpan(IOperation? operation)
    {
        operation = OperationTree.SkipConversions(operation);
        if (operation is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } asSpan)
        {
            return asSpan.Instance ?? (asSpan.Arguments.Length > 0 ? asSpan.Arguments[0].Value : null);
        }

        return operation;
    }

    private static bool InNamespace(ISymbol symbol, string prefix)
    {
        var name = symbol.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return name == prefix || name.StartsWith(prefix + ".", System.StringComparison.Ordinal);
    }

    /// <summary>Types whose methods and constructors consume key material, salts, nonces or hash input.</summary>
    private static bool IsCryptoType(INamedTypeSymbol? type) =>
        type is not null
        && (InNamespace(type, "System.Security.Cryptography") || InNamespace(type, "Org.BouncyCastle.Crypto") || InNamespace(type, "Microsoft.AspNetCore.Cryptography"))
        && type.Name != "RandomNumberGenerator";

    private static bool IsBytes(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
        || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } span && span.TypeArguments[0].SpecialType == SpecialType.System_Byte);

    private static string? TextEncoder(IMethodSymbol method) => (method.ContainingType.Name, method.Name) switch
    {
        ("Convert", "ToBase64String" or "ToBase64CharArray" or "ToHexString" or "ToHexStringLower") => "Convert." + method.Name,
        ("BitConverter", "ToString") => "BitConverter.ToString",
        ("WebEncoders", "Base64UrlEncode") or ("Base64UrlEncoder", "Encode") or ("Base64UrlTextEncoder", "Encode") => method.ContainingType.Name + "." + method.Name,
        ("Base64Url", "EncodeToString" or "EncodeToChars") or ("HttpServerUtility", "UrlTokenEncode") => method.ContainingType.Name + "." + method.Name,
        _ => null,
    };

    /// <summary>Library calls whose result carries the randomness of an argument: text, numbers, encodings, LINQ.</summary>
    private static bool Propagates(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double)
        {
            return true;
        }

        return type.Name switch
        {
            "Math" or "Convert" or "BitConverter" or "MemoryExtensions" or "Enumerable" or "StringBuilder" or "Array" => true,
            _ => type.BaseType?.Name == "Encoding" || type.Name == "Encoding",
        };
    }

    /// <summary>A character or word picked at random over and over (a loop or projection): text being assembled.</summary>
    private static bool PicksText(IOperation element) =>
        element.Type?.SpecialType is SpecialType.System_Char or SpecialType.System_String && Repeated(element);

    /// <summary>
    /// Inside a loop or a lambda (a projection run per character): where random characters are assembled into text,
    /// as opposed to one random character or number turned into a string once.
    /// </summary>
    private static bool Repeated(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation or IAnonymousFunctionOperation)
            {
                return true;
            }

            if (current is ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static string Line(IOperation operation) =>
        (operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);

    private static string ApiName(IOperation owner) => owner switch
    {
        IObjectCreationOperation creation => "new " + creation.Type?.Name + "(...)",
        IInvocationOperation invocation when !invocation.TargetMethod.IsStatic && invocation.Instance?.Type is { } receiver && receiver.TypeKind != TypeKind.Dynamic =>
            receiver.Name + "." + invocation.TargetMethod.Name,
        IInvocationOperation invocation => invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
        _ => owner.Syntax.ToString(),
    };

    /// <summary>The state of one classification: tainted symbols and the step budget.</summary>
    private sealed class Walk
    {
        private readonly RandomValueFlow _flow;
        private readonly IOperation _call;
        private readonly ISymbol? _containingSymbol;
        private readonly Dictionary<ISymbol, bool> _tainted = new(SymbolEqualityComparer.Default);
        private int _steps;

        public Walk(RandomValueFlow flow, IOperation call, ISymbol? containingSymbol)
        {
            _flow = flow;
            _call = call;
            _containingSymbol = containingSymbol;
        }

        /// <summary>Every later read of a symbol holding random data is followed in turn.</summary>
        public string? Taint(ISymbol symbol, bool text)
        {
            if (_tainted.ContainsKey(symbol) || _tainted.Count >= MaxSymbols)
            {
                return null;
            }

            _tainted.Add(symbol, text);
            foreach (var operation in OperationTree.Root(_call).Descendants())
            {
                if (!IsRead(operation, symbol))
                {
                    continue;
                }

                if (Follow(operation, text) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private static bool IsRead(IOperation operation, ISymbol symbol)
        {
            ISymbol? referenced = operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };
            if (referenced is null || !SymbolEqualityComparer.Default.Equals(referenced, symbol))
            {
                return false;
            }

            return operation.Parent is not IAssignmentOperation assignment || assignment.Target != operation;
        }

        public string? Follow(IOperation start, bool text)
        {
            var current = start;
            while (_steps++ < MaxSteps)
            {
                if (current.Type?.SpecialType == SpecialType.System_Boolean)
                {
                    return null; // a test on the value decides a branch; nothing random is kept
                }

                var parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return null;

                    case IConversionOperation conversion:
                        text |= conversion.Type?.SpecialType == SpecialType.System_Char && Repeated(conversion);
                        break;

                    case IBinaryOperation binary:
                        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
                            or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                            or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
                        {
                            return null; // a comparison or a test: the value decides a branch, it is not kept
                        }

                        text |= binary.Type?.SpecialType is SpecialType.System_Char or SpecialType.System_String && Repeated(binary);
                        break;

                    case IUnaryOperation or ICoalesceOperation or IInterpolationOperation or IInterpolatedStringOperation or IArrayInitializerOperation or IArrayCreationOperation:
                        break;

                    case IConditionalOperation conditional when conditional.Condition != current:
                        break;

                    case IArrayElementReferenceOperation element:
                        if (element.Parent is IAssignmentOperation write && write.Target == element)
                        {
                            return null;
                        }

                        if (element.ArrayReference != current && !PicksText(element))
                        {
                            return null; // one element picked at random from a list is a choice, not a secret
                        }

                        // chars[random.Next(chars.Length)] in a loop: random text; or an element of a random array.
                        text |= element.ArrayReference != current;
                        break;

                    case IArgumentOperation argument:
                        switch (argument.Parent)
                        {
                            case IPropertyReferenceOperation indexer:
                                if (!PicksText(indexer))
                                {
                                    return null; // tokens[random.Next(tokens.Count)]: a choice from a list, not a secret
                                }

                                text = true;
                                current = indexer;
                                continue;

                            case IInvocationOperation invocation:
                                var outcome = IntoInvocation(invocation, argument, ref text);
                                if (outcome.Found is not null || outcome.Next is null)
                                {
                                    return outcome.Found;
                                }

                                current = outcome.Next;
                                continue;

                            case IObjectCreationOperation creation:
                                if (IsCryptoType(creation.Type as INamedTypeSymbol))
                                {
                                    return CryptoInput(creation, argument);
                                }

                                if (creation.Type is { SpecialType: SpecialType.System_String } or { Name: "StringBuilder" or "List" or "ArraySegment" })
                                {
                                    text |= creation.Type.SpecialType == SpecialType.System_String && Repeated(creation);
                                    current = creation;
                                    continue;
                                }

                                return PassedAs(argument, creation);

                            default:
                                return null;
                        }

                    case IInvocationOperation invocation when invocation.Instance == current:
                        // Calls on the random value itself: ToString("D6"), Substring, ToCharArray, Append on a tainted builder.
                        if (!Propagates(invocation.TargetMethod) && invocation.TargetMethod.Name != "ToString")
                        {
                            return null;
                        }

                        break;

                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return Assigned(assignment.Target, text);

                    case ICompoundAssignmentOperation compound when compound.Value == current:
                        return Assigned(compound.Target, text || (compound.Type?.SpecialType == SpecialType.System_String && Repeated(compound)));

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return Named(declarator.Symbol, declarator.Symbol.Type, "the {0} '" + declarator.Symbol.Name + "'") ?? Taint(declarator.Symbol, text);

                    case IFieldInitializerOperation fieldInitializer when fieldInitializer.InitializedFields.Length == 1:
                        var field = fieldInitializer.InitializedFields[0];
                        return Named(field, field.Type, "the {0} '" + field.Name + "'");

                    case IPropertyInitializerOperation propertyInitializer when propertyInitializer.InitializedProperties.Length == 1:
                        var property = propertyInitializer.InitializedProperties[0];
                        return Named(property, property.Type, "the {0} '" + property.Name + "'");

                    case IReturnOperation returned:
                        var afterReturn = Returned(returned, text, out var next);
                        if (next is null)
                        {
                            return afterReturn;
                        }

                        current = next;
                        continue;

                    case IForEachLoopOperation loop when loop.Collection == current:
                        foreach (var local in loop.Locals)
                        {
                            if (Taint(local, text) is { } found)
                            {
                                return found;
                            }
                        }

                        return null;

                    default:
                        return null;
                }

                current = parent;
            }

            return null;
        }

        private (string? Found, IOperation? Next) IntoInvocation(IInvocationOperation invocation, IArgumentOperation argument, ref bool text)
        {
            var method = invocation.TargetMethod;
            if (IsCryptoType(method.ContainingType))
            {
                return (CryptoInput(invocation, argument), null);
            }

            if (TextEncoder(method) is { } encoder && IsBytes(argument.Value.Type))
            {
                return ("the bytes encoded by " + encoder + At(invocation), null);
            }

            if (argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
            {
                // Only projections carry what the lambda returns into their result; OrderBy(_ => random.Next()) shuffles.
                return (null, ProjectingLinq.Contains(method.Name) ? invocation : null);
            }

            if (Propagates(method))
            {
                text |= (method.Name is "ToChar" or "ConvertFromUtf32" or "Join" or "Append" or "Insert" or "Concat" or "AppendFormat"
                    || invocation.Type?.SpecialType == SpecialType.System_Char) && Repeated(invocation);
                if (method.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert" && OperationTree.ReferencedSymbol(invocation.Instance) is { } builder
                    && Taint(builder, text) is { } viaBuilder)
                {
                    return (viaBuilder, null);
                }

                return (null, invocation);
            }

            if (method.Name is "Add" or "Push" or "Enqueue" or "Insert" && OperationTree.ReferencedSymbol(invocation.Instance) is { } collection)
            {
                return (Taint(collection, text), null);
            }

            return (PassedAs(argument, invocation), null);
        }

        private string? CryptoInput(IOperation owner, IArgumentOperation argument)
        {
            var api = ApiName(owner);
            var name = argument.Parameter?.Name ?? "argument";
            if (owner is IInvocationOperation { TargetMethod.Name: "ComputeHash" or "HashData" or "TryHashData" or "TransformBlock" or "TransformFinalBlock" or "AppendData" })
            {
                return "the input of " + api + At(owner);
            }

            return "the " + name + " passed to " + api + At(owner);
        }

        private string? PassedAs(IArgumentOperation argument, IOperation owner)
        {
            if (argument.Parameter is not { } parameter || !_flow._names)
            {
                return null;
            }

            var noun = SecurityNames.Classify(parameter.Name, parameter.Type);
            return noun is null ? null : "the " + noun + " passed as '" + parameter.Name + "' to " + ApiName(owner) + At(owner);
        }

        private string? Assigned(IOperation target, bool text)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    return Named(local.Local, local.Local.Type, "the {0} '" + local.Local.Name + "'") ?? Taint(local.Local, text);

                case IParameterReferenceOperation parameter:
                    return Named(parameter.Parameter, parameter.Parameter.Type, "the {0} '" + parameter.Parameter.Name + "'") ?? Taint(parameter.Parameter, text);

                case IFieldReferenceOperation field:
                    return Named(field.Field, field.Field.Type, "the {0} '" + field.Field.Name + "'") ?? Taint(field.Field, text);

                case IPropertyReferenceOperation property:
                    if (IsCryptoType(property.Property.ContainingType) || IsCryptoType(property.Instance?.Type as INamedTypeSymbol))
                    {
                        return "the " + property.Property.Name + " of " + (property.Instance?.Type?.Name ?? property.Property.ContainingType.Name) + At(target);
                    }

                    return property.Property.IsIndexer ? null : Named(property.Property, property.Property.Type, "the {0} '" + property.Property.Name + "'");

                case IArrayElementReferenceOperation element when OperationTree.ReferencedSymbol(element.ArrayReference) is { } array:
                    return Taint(array, text || element.Type?.SpecialType == SpecialType.System_Char) ?? Named(array, TypeOf(array), "the {0} '" + array.Name + "'");

                default:
                    return null;
            }
        }

        public string? Named(ISymbol symbol, ITypeSymbol? type, string format)
        {
            if (!_flow._names)
            {
                return null;
            }

            var noun = SecurityNames.Classify(symbol.Name, type);
            return noun is null ? null : string.Format(CultureInfo.InvariantCulture, format, noun) + At(symbol);
        }

        /// <summary>A return inside a projection lambda continues at the projection; a method's return is judged by its name.</summary>
        private string? Returned(IReturnOperation returned, bool text, out IOperation? next)
        {
            next = null;
            ISymbol? function = _containingSymbol;
            for (var current = returned.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda)
                {
                    var up = lambda.Parent;
                    while (up is IDelegateCreationOperation or IConversionOperation)
                    {
                        up = up.Parent;
                    }

                    if (up is IArgumentOperation { Parent: IInvocationOperation projection } && ProjectingLinq.Contains(projection.TargetMethod.Name))
                    {
                        next = projection;
                    }

                    return null;
                }

                if (current is ILocalFunctionOperation localFunction)
                {
                    function = localFunction.Symbol;
                    break;
                }
            }

            var (name, type) = function switch
            {
                IMethodSymbol method => (method.AssociatedSymbol?.Name ?? method.Name, method.ReturnType),
                IPropertySymbol property => (property.Name, property.Type),
                _ => (null, null),
            };
            if (name is null || type is null || !_flow._names)
            {
                return null;
            }

            if (SecurityNames.Classify(name, type) is { } noun)
            {
                return "the " + noun + " returned by " + name;
            }

            return text && type.SpecialType == SpecialType.System_String && !SecurityNames.IsOrdinaryText(name)
                ? "the random string returned by " + name
                : null;
        }

        private string At(IOperation operation) => AtLine(Line(operation));

        private string At(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource && location.SourceTree == _call.Syntax.SyntaxTree)
                {
                    return AtLine((location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            return string.Empty;
        }

        /// <summary>" (line N)" when the value ends on another line than the call on System.Random.</summary>
        private string AtLine(string line) => line == Line(_call) ? string.Empty : " (line " + line + ")";
    }
}
