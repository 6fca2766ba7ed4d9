using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// What an audit call passes for one field. A field is carried only by a value: null, <c>default</c>, <c>""</c> or
/// <c>string.Empty</c> carry nothing, and a constant names no one, so it carries only the action (what the code does is
/// known when it is written; who did it and from where are not).
/// </summary>
internal enum AuditFieldValue
{
    /// <summary>A value computed at run time: a parameter, a claim, a property.</summary>
    Runtime,

    /// <summary>A non-empty compile-time constant, such as "read Patient.Email" or 0.</summary>
    Constant,

    /// <summary>Null, default or an empty string: nothing.</summary>
    Empty,
}

/// <summary>Classifies the value an audit call passes for a field.</summary>
internal static class AuditFieldValues
{
    public static AuditFieldValue Classify(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            if (conversion.ConstantValue.HasValue)
            {
                break;
            }

            value = conversion.Operand;
        }

        switch (value)
        {
            case null:
            case IDefaultValueOperation:
                return AuditFieldValue.Empty;
            case { ConstantValue: { HasValue: true, Value: var constant } }:
                return constant is null || (constant is string text && text.Trim().Length == 0) ? AuditFieldValue.Empty : AuditFieldValue.Constant;
            case IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } }:
                return AuditFieldValue.Empty;
            default:
                return AuditFieldValue.Runtime;
        }
    }

    /// <summary>The value passed for <paramref name="argument"/>'s parameter; an optional parameter left out passes its default.</summary>
    public static AuditFieldValue Of(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.DefaultValue ? AuditFieldValue.Empty : Classify(argument.Value);
}
