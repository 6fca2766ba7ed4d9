using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// What "access to personal data" means for SRA3001: personal data leaving storage for a consumer. A read of a
/// personal-data member is not access when
/// <list type="bullet">
/// <item>the code reading it belongs to the member's own type (or a type nested in or derived from it): a type
/// validating, copying or formatting its own state;</item>
/// <item>the member belongs to an inbound model (a type named like <c>…Request</c>, <c>…Input</c>,
/// <c>InputModel</c>, <c>…Command</c>, <c>…Query</c>, <c>…Form</c>, or a context handed to a validator or request
/// handler: <c>…ValidationContext</c>, <c>…RequestContext</c>), or is a view or transfer model posted to a controller
/// action, or a <c>[FromBody]</c>/<c>[FromForm]</c>/<c>[FromQuery]</c> parameter: it carries what the caller sent, not stored data;</item>
/// <item>the member belongs to a transfer model (<c>…Response</c>, <c>…Dto</c>, <c>…Model</c>, <c>…Event</c>,
/// <c>…Message</c>) and the value is only copied into another object (an assignment to a member, an object
/// initializer, a constructor argument): the data moves from model to model;</item>
/// <item>the value only decides a condition: compared (<c>==</c>, <c>&lt;</c>), tested for null or emptiness,
/// matched by a pattern, switched on, or its <c>Length</c> compared.</item>
/// </list>
/// </summary>
internal static class PiiAccess
{
    private static readonly string[] InboundWords = { "request", "input", "command", "query", "form" };
    private static readonly string[] TransferWords = { "response", "dto", "model", "vm", "event", "message", "notification", "payload", "contract" };
    private static readonly string[] ModelSuffixes = { "model", "dto", "vm" };
    private static readonly string[] InboundContextWords = { "validation", "request" };

    /// <summary>Whether the read of <paramref name="member"/> at <paramref name="read"/>, inside <paramref name="owner"/>, is access to personal data.</summary>
    public static bool IsMemberAccess(IOperation read, ISymbol member, ISymbol owner)
    {
        var declaring = PiiOperations.DeclaringType(member);
        if (declaring is null || IsOwnMember(declaring, owner))
        {
            return false;
        }

        var instanceType = (read as IMemberReferenceOperation)?.Instance?.Type as INamedTypeSymbol;
        if (IsInbound(declaring) || (instanceType is not null && IsInbound(instanceType)) || IsBoundFromTheRequest(read))
        {
            return false;
        }

        if ((IsTransfer(declaring) || (instanceType is not null && IsTransfer(instanceType))) && IsCopiedIntoAnotherObject(read))
        {
            return false;
        }

        return !OnlyDecidesACondition(read);
    }

    /// <summary>True when <paramref name="owner"/>'s type is <paramref name="declaring"/>, derives from it, implements it or is nested in one that does.</summary>
    public static bool IsOwnMember(INamedTypeSymbol declaring, ISymbol owner)
    {
        declaring = declaring.OriginalDefinition;
        for (var type = owner as INamedTypeSymbol ?? owner.ContainingType; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring))
                {
                    return true;
                }
            }

            if (declaring.TypeKind == TypeKind.Interface)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, declaring))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A type named after what a caller sends: its members hold what came in, not what was stored.</summary>
    public static bool IsInbound(INamedTypeSymbol type)
    {
        var name = type.Name;
        var (start, length) = WordParts.HeadWord(name, ModelSuffixes);
        if (start < 0)
        {
            return false;
        }

        if (WordParts.IsOneOf(name, start, length, InboundWords))
        {
            return true;
        }

        // IdentityServer's ResourceOwnerPasswordValidationContext, ProfileDataRequestContext: what a grant request sent.
        var end = start;
        return WordParts.Equals(name, start, length, "context")
            && WordParts.PreviousWord(name, ref end) is var previous and >= 0
            && WordParts.IsOneOf(name, previous, end - previous, InboundContextWords);
    }

    /// <summary>
    /// A member of a view or transfer model that is a controller action's parameter, or of a parameter marked
    /// [FromBody]/[FromForm]/[FromQuery]: the model binder filled it from what the caller posted
    /// (<c>Register(RegisterViewModel model)</c> reading <c>model.Email</c>).
    /// </summary>
    private static bool IsBoundFromTheRequest(IOperation read)
    {
        if (read is not IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var parameter } }
            || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "FromBodyAttribute" or "FromFormAttribute" or "FromQueryAttribute" } bound
                && IsAspNetCoreMvc(bound.ContainingNamespace))
            {
                return true;
            }
        }

        // Without a binding attribute, only a view or transfer model posted to an action: an entity parameter
        // (Name(Patient patient)) is still read as stored data.
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic
            || parameter.Type is not INamedTypeSymbol parameterType || !IsTransfer(parameterType))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.Name == "ControllerBase" && IsAspNetCoreMvc(type.ContainingNamespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Microsoft.AspNetCore.Mvc, compared by name parts so no string is built per read.</summary>
    private static bool IsAspNetCoreMvc(INamespaceSymbol? ns) =>
        ns is { Name: "Mvc", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool IsTransfer(INamedTypeSymbol type)
    {
        if (type.IsAnonymousType)
        {
            return true;
        }

        var end = type.Name.Length;
        var start = WordParts.PreviousWord(type.Name, ref end);
        return start >= 0 && WordParts.IsOneOf(type.Name, start, end - start, TransferWords);
    }

    /// <summary>The value goes, as it is, into a member of another object or a constructor argument.</summary>
    private static bool IsCopiedIntoAnotherObject(IOperation read)
    {
        var value = ValueOf(read);
        switch (value.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation;
            case IArgumentOperation { Parent: IObjectCreationOperation }:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when the value is only compared, tested or matched, so the data itself goes nowhere:
    /// <c>p.Email == email</c>, <c>string.IsNullOrEmpty(p.Email)</c>, <c>p.Email.EndsWith("@example.com")</c>,
    /// <c>p is { Email: null }</c>, <c>switch (p.Email)</c>, <c>p.Email.Length &gt; 0</c>.
    /// </summary>
    public static bool OnlyDecidesACondition(IOperation read)
    {
        if (read.Parent is IPropertySubpatternOperation subpattern && subpattern.Member == read)
        {
            return subpattern.Pattern is not IDeclarationPatternOperation { DeclaredSymbol: not null };
        }

        var value = ValueOf(read);
        switch (value.Parent)
        {
            case IBinaryOperation binary:
                return binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
            case IIsPatternOperation or IIsTypeOperation:
                return true;
            case ISwitchOperation @switch:
                return @switch.Value == value;
            case ISwitchExpressionOperation switchExpression:
                return switchExpression.Value == value;
            case IInvocationOperation invocation:
                return invocation.Instance == value && invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean;
            case IPropertyReferenceOperation { Property.Name: "Length" or "Count" } length when length.Instance == value:
                // p.Email.Length > 0 tests the data; writing p.Email.Length somewhere does not.
                return OnlyDecidesACondition(length);
            case IArgumentOperation { Parent: IInvocationOperation call }:
                return IsComparison(call.TargetMethod);
            default:
                return false;
        }
    }

    /// <summary>string.IsNullOrEmpty, IsNullOrWhiteSpace, Equals and Compare, object.Equals and ReferenceEquals.</summary>
    private static bool IsComparison(IMethodSymbol method) =>
        method.IsStatic
        && method.ContainingType?.SpecialType is SpecialType.System_String or SpecialType.System_Object
        && method.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "Equals" or "Compare" or "CompareOrdinal" or "ReferenceEquals";

    /// <summary>The outermost operation that still is the read value: through conversions, parentheses, <c>?.</c>, <c>??</c> and <c>?:</c>.</summary>
    private static IOperation ValueOf(IOperation read)
    {
        var value = read;
        for (var depth = 0; depth < 16 && value.Parent is { } parent; depth++)
        {
            var keeps = parent switch
            {
                IConversionOperation or IParenthesizedOperation => true,
                IConditionalAccessOperation access => access.WhenNotNull == value,
                ICoalesceOperation => true,
                IConditionalOperation conditional => conditional.Condition != value,
                _ => false,
            };

            if (!keeps)
            {
                break;
            }

            value = parent;
        }

        return value;
    }
}
