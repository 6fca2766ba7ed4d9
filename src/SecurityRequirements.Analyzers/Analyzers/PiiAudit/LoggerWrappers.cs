using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// A team's own logging methods, recognised once per method and compilation, and which of their parameters
/// reach the log:
/// <list type="bullet">
/// <item>a method of this compilation whose parameter is passed, as is, interpolated or concatenated, to an
/// <c>ILogger</c> call in its own body (one call deep): those parameters;</item>
/// <item>a method named <c>Log*</c> or <c>Audit*</c>, or after a log level (<c>Information</c>, <c>Warn</c>, …), on a
/// type whose name has the word Log, Logger, Logging or Audit (<c>AuditLogger.LogAccess</c>, Serilog's
/// <c>Log.Information</c>, NLog's <c>Logger.Info</c>): every parameter.</item>
/// </list>
/// The first kind is read from syntax (the logger is a parameter, field or property of ILogger type), never bound.
/// </summary>
internal sealed class LoggerWrappers
{
    /// <summary>No parameter reaches the log: not a wrapper.</summary>
    public const ulong None = 0;

    /// <summary>Every parameter reaches the log.</summary>
    public const ulong All = ulong.MaxValue;

    private static readonly string[] LoggerTypeWords = { "log", "logger", "logging", "audit", "auditor", "auditing" };
    private static readonly string[] LevelNames = { "Trace", "Debug", "Verbose", "Info", "Information", "Warn", "Warning", "Error", "Fatal", "Critical" };
    private static readonly string[] ILoggerCalls = { "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical" };
    private static readonly string[] NotLogging = { "in", "out", "on", "off", "ins", "outs" };

    private readonly INamedTypeSymbol? _iLogger;
    private readonly ConcurrentDictionary<IMethodSymbol, ulong> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _types = new(SymbolEqualityComparer.Default);

    public LoggerWrappers(LoggingSymbols logging)
    {
        _iLogger = logging.ILogger;
    }

    /// <summary>True when a method named <paramref name="name"/> can be a wrapper on names alone (the second kind).</summary>
    public static bool MayBeNamedWrapper(string name)
    {
        var (start, length) = WordParts.FirstWord(name);
        if (start < 0)
        {
            return false;
        }

        if (WordParts.Equals(name, start, length, "log") || WordParts.Equals(name, start, length, "audit"))
        {
            return true;
        }

        foreach (var level in LevelNames)
        {
            if (string.Equals(name, level, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameters of <paramref name="method"/> that reach a log, as bits by ordinal (<see cref="All"/> for every one).</summary>
    public ulong LoggedParameters(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return _methods.TryGetValue(method, out var known) ? known : _methods.GetOrAdd(method, Compute(method));
    }

    private ulong Compute(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.Parameters.IsEmpty)
        {
            return None;
        }

        if (IsNamedWrapper(method))
        {
            return All;
        }

        return _iLogger is null ? None : ParametersPassedToILogger(method);
    }

    private static bool IsNamedWrapper(IMethodSymbol method)
    {
        if (!MayBeNamedWrapper(method.Name) || method.ContainingType is not { } type || !WordParts.ContainsAny(type.Name, LoggerTypeWords))
        {
            return false;
        }

        // LogIn, LogOut, LogOn and LogOff sign people in and out; they log nothing.
        var name = method.Name;
        var (start, length) = WordParts.FirstWord(name);
        var rest = name.Substring(start + length);
        var (second, secondLength) = WordParts.FirstWord(rest);
        return second < 0 || !WordParts.IsOneOf(rest, second, secondLength, NotLogging);
    }

    private ulong ParametersPassedToILogger(IMethodSymbol method)
    {
        // Only a method of this compilation has a body to read, and it is read only when a logger is in reach: an
        // ILogger parameter, or one the type holds.
        if (method.DeclaringSyntaxReferences.Length != 1
            || (!HasLoggerParameter(method) && (method.ContainingType is not { } type || !HoldsLogger(type)))
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declaration
            || (declaration.Body is null && declaration.ExpressionBody is null))
        {
            return None;
        }

        var logged = None;
        SyntaxNode body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody!;
        foreach (var node in body.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                && IsOneOf(access.Name.Identifier.ValueText, ILoggerCalls)
                && IsLogger(access.Expression, method))
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    logged |= ParametersIn(argument.Expression, method, depth: 0);
                }
            }
        }

        return logged;
    }

    private bool HasLoggerParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsLoggerType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the type (or a base type) has a field, property or primary-constructor parameter of ILogger type; once per type.</summary>
    private bool HoldsLogger(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        if (_types.TryGetValue(type, out var known))
        {
            return known;
        }

        var holds = false;
        for (var current = type; current is not null && !holds && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if ((member is IFieldSymbol field && IsLoggerType(field.Type)) || (member is IPropertySymbol property && IsLoggerType(property.Type)))
                {
                    holds = true;
                    break;
                }
            }

            foreach (var constructor in current.InstanceConstructors)
            {
                if (!holds && constructor.Parameters.Length > 0 && PiiClassifier.IsPrimaryConstructorParameter(constructor.Parameters[0]))
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        holds |= IsLoggerType(parameter.Type);
                    }
                }
            }
        }

        return _types.GetOrAdd(type, holds);
    }

    /// <summary>The receiver names a parameter, field or property of ILogger type (or one implementing it).</summary>
    private bool IsLogger(ExpressionSyntax receiver, IMethodSymbol method)
    {
        if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member)
        {
            receiver = member.Name;
        }

        if (receiver is not IdentifierNameSyntax identifier)
        {
            return false;
        }

        var name = identifier.Identifier.ValueText;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
            {
                return IsLoggerType(parameter.Type);
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers(name))
            {
                switch (candidate)
                {
                    case IFieldSymbol field:
                        return IsLoggerType(field.Type);
                    case IPropertySymbol property:
                        return IsLoggerType(property.Type);
                }
            }

            // A primary-constructor parameter captured by the method.
            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == name && PiiClassifier.IsPrimaryConstructorParameter(parameter))
                    {
                        return IsLoggerType(parameter.Type);
                    }
                }
            }
        }

        return false;
    }

    private bool IsLoggerType(ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type, _iLogger))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface, _iLogger))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method's parameters that <paramref name="expression"/> passes on as they are, interpolated or concatenated.</summary>
    private static ulong ParametersIn(ExpressionSyntax expression, IMethodSymbol method, int depth)
    {
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == identifier.Identifier.ValueText && parameter.Ordinal < 64)
                    {
                        return 1UL << parameter.Ordinal;
                    }
                }

                return None;

            case InterpolatedStringExpressionSyntax interpolated:
                var holes = None;
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax hole)
                    {
                        holes |= ParametersIn(hole.Expression, method, depth + 1);
                    }
                }

                return holes;

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && depth < 16:
                return ParametersIn(binary.Left, method, depth + 1) | ParametersIn(binary.Right, method, depth + 1);

            case ParenthesizedExpressionSyntax parenthesized when depth < 16:
                return ParametersIn(parenthesized.Expression, method, depth + 1);

            default:
                return None;
        }
    }

    private static bool IsOneOf(string name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
