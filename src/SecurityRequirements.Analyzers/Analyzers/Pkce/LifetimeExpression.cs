using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// A token lifetime read from code: a constant offset added to a point in time (<c>now.AddHours(2)</c>,
/// <c>now + TimeSpan.FromHours(2)</c>, <c>now.Add(TimeSpan.FromHours(2))</c>) or a constant <c>TimeSpan.FromX(n)</c>.
/// <see cref="Method"/> is the call that carries the constant, which the code fix rewrites.
/// </summary>
internal readonly struct LifetimeExpression
{
    private const double MaxSeconds = 9e11;

    private LifetimeExpression(TimeSpan lifetime, string method)
    {
        Lifetime = lifetime;
        Method = method;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>AddSeconds/AddMinutes/AddHours/AddDays or FromSeconds/FromMinutes/FromHours/FromDays.</summary>
    public string Method { get; }

    /// <summary>A <c>DateTime</c>/<c>DateTimeOffset</c> computed as a constant offset from another point in time.</summary>
    public static LifetimeExpression? FromPointInTime(IOperation value)
    {
        value = OAuthSymbols.WithoutConversions(value);
        switch (value)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: false } method, Arguments.Length: 1 } invocation when IsDateType(method.ContainingType):
                if (method.Name == "Add")
                {
                    return FromTimeSpan(invocation.Arguments[0].Value);
                }

                return Unit(method.Name, "Add") is { } unit && Constant(invocation.Arguments[0].Value) is { } amount
                    ? Create(unit, amount, method.Name)
                    : null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsDateType(binary.Type):
                return FromTimeSpan(binary.RightOperand) ?? FromTimeSpan(binary.LeftOperand);

            case IPropertyReferenceOperation { Property.Name: "UtcDateTime" or "DateTime" or "LocalDateTime", Instance: { } instance }:
                return FromPointInTime(instance);

            default:
                return null;
        }
    }

    /// <summary>A constant <c>TimeSpan.FromSeconds/Minutes/Hours/Days(n)</c>.</summary>
    public static LifetimeExpression? FromTimeSpan(IOperation value)
    {
        value = OAuthSymbols.WithoutConversions(value);
        if (value is IInvocationOperation { TargetMethod: { IsStatic: true } method, Arguments.Length: 1 } invocation
            && method.ContainingType is { SpecialType: SpecialType.None, Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            && Unit(method.Name, "From") is { } unit
            && Constant(invocation.Arguments[0].Value) is { } amount)
        {
            return Create(unit, amount, method.Name);
        }

        return null;
    }

    private static LifetimeExpression? Create(double unitSeconds, double amount, string method)
    {
        var seconds = unitSeconds * amount;
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return null;
        }

        // Capped well inside TimeSpan's range (about 28,000 years), so an absurd constant is still reported and never overflows.
        return new LifetimeExpression(TimeSpan.FromSeconds(Math.Min(seconds, MaxSeconds)), method);
    }

    private static bool IsDateType(ITypeSymbol? type) =>
        type is { SpecialType: SpecialType.System_DateTime }
        || type is { Name: "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>Seconds per unit of <paramref name="name"/> (AddHours, FromMinutes, ...), or null for other methods.</summary>
    private static double? Unit(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return name.Substring(prefix.Length) switch
        {
            "Milliseconds" => 0.001,
            "Seconds" => 1,
            "Minutes" => 60,
            "Hours" => 3600,
            "Days" => 86400,
            _ => null,
        };
    }

    private static double? Constant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: { } value } ? value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        _ => null,
    } : null;
}
