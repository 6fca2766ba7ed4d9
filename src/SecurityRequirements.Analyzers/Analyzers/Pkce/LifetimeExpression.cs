using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecurityRequirements.Analyzers.Analyzers.Pkce;

/// <summary>
/// A token lifetime read from code: a constant offset added to a point in time (<c>now.AddHours(2)</c>,
/// <c>now + TimeSpan.FromHours(2)</c>, <c>now.Add(TimeSpan.FromHours(2))</c>) or a constant <c>TimeSpan.FromX(n)</c>; values are followed through locals, readonly fields and get-only properties
/// (<see cref="LifetimeFlow"/>). When the amount is a parameter, <see cref="Parameter"/> is set instead of
/// <see cref="Lifetime"/>: the lifetime is the argument of each call times <see cref="UnitSeconds"/> (0: the argument is a TimeSpan).
/// </summary>
internal readonly struct LifetimeExpression
{
    private const double MaxSeconds = 9e11;

    private LifetimeExpression(TimeSpan lifetime, string? method, SyntaxNode? definition, string? via, IParameterSymbol? parameter, double unitSeconds)
    {
        Lifetime = lifetime;
        Method = method;
        Definition = definition;
        Via = via;
        Parameter = parameter;
        UnitSeconds = unitSeconds;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>AddSeconds/AddMinutes/AddHours/AddDays or FromSeconds/FromMinutes/FromHours/FromDays when that call carries the constant (the code fix rewrites it); otherwise null.</summary>
    public string? Method { get; }

    /// <summary>Where the constant is written when it is not at the sink (a local's initialiser, a field's initialiser); null when it is.</summary>
    public SyntaxNode? Definition { get; }

    /// <summary>The local, field or property followed to <see cref="Definition"/>.</summary>
    public string? Via { get; }

    /// <summary>The parameter the amount comes from, when it does: the lifetime is then known only at each call.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>Seconds per unit of the parameter's argument; 0 when the argument is itself a TimeSpan.</summary>
    public double UnitSeconds { get; }

    /// <summary>A <c>DateTime</c>/<c>DateTimeOffset</c> computed as a constant offset from another point in time.</summary>
    public static LifetimeExpression? FromPointInTime(IOperation value) => FromPointInTime(value, null, null, 0);

    /// <summary>A constant <c>TimeSpan.FromSeconds/Minutes/Hours/Days(n)</c>, or a TimeSpan parameter.</summary>
    public static LifetimeExpression? FromTimeSpan(IOperation value) => FromTimeSpan(value, null, null, 0);

    private static LifetimeExpression? FromPointInTime(IOperation value, SyntaxNode? definition, string? via, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        var followed = LifetimeFlow.Follow(value, out var followedVia);
        if (followedVia is not null)
        {
            definition = followed.Syntax;
            via = followedVia;
        }

        switch (followed)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: false } method, Arguments.Length: 1 } invocation when IsDateType(method.ContainingType):
                if (method.Name == "Add")
                {
                    return FromTimeSpan(invocation.Arguments[0].Value, definition, via, depth + 1);
                }

                return Unit(method.Name, "Add") is { } unit ? Amount(invocation.Arguments[0].Value, unit, method.Name, definition, via) : null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsDateType(binary.Type):
                return FromTimeSpan(binary.RightOperand, definition, via, depth + 1) ?? FromTimeSpan(binary.LeftOperand, definition, via, depth + 1);

            case IPropertyReferenceOperation { Property.Name: "UtcDateTime" or "DateTime" or "LocalDateTime", Instance: { } instance }:
                return FromPointInTime(instance, definition, via, depth + 1);

            default:
                return null;
        }
    }

    private static LifetimeExpression? FromTimeSpan(IOperation value, SyntaxNode? definition, string? via, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        var followed = LifetimeFlow.Follow(value, out var followedVia);
        if (followedVia is not null)
        {
            definition = followed.Syntax;
            via = followedVia;
        }

        if (followed is IParameterReferenceOperation { Parameter: { } parameter } && IsTimeSpan(parameter.Type))
        {
            return new LifetimeExpression(default, null, definition, via, parameter, 0);
        }

        if (followed is IInvocationOperation { TargetMethod: { IsStatic: true } method, Arguments.Length: 1 } invocation
            && IsTimeSpan(method.ContainingType)
            && Unit(method.Name, "From") is { } unit)
        {
            return Amount(invocation.Arguments[0].Value, unit, method.Name, definition, via);
        }

        return null;
    }

    /// <summary>A constant amount (or a parameter) times <paramref name="unitSeconds"/>; an amount followed elsewhere loses the method, which no longer carries it.</summary>
    private static LifetimeExpression? Amount(IOperation amount, double unitSeconds, string? method, SyntaxNode? definition, string? via)
    {
        var followed = LifetimeFlow.Follow(amount, out var amountVia);
        if (amountVia is not null)
        {
            method = null;
            definition = followed.Syntax;
            via = amountVia;
        }

        if (followed is IParameterReferenceOperation { Parameter: { } parameter })
        {
            return new LifetimeExpression(default, method, definition, via, parameter, unitSeconds);
        }

        return Constant(followed) is { } number ? Create(unitSeconds, number, method, definition, via) : null;
    }

    private static LifetimeExpression? Create(double unitSeconds, double amount, string? method, SyntaxNode? definition, string? via)
    {
        var seconds = unitSeconds * amount;
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return null;
        }

        // Capped well inside TimeSpan's range (about 28,000 years), so an absurd constant is still reported and never overflows.
        return new LifetimeExpression(TimeSpan.FromSeconds(Math.Min(seconds, MaxSeconds)), method, definition, via, null, 0);
    }

    private static bool IsTimeSpan(ITypeSymbol? type) =>
        type is { SpecialType: SpecialType.None, Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

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

    /// <summary>The numeric value of a constant, or null.</summary>
    public static double? Constant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: { } value } ? value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        _ => null,
    } : null;
}
