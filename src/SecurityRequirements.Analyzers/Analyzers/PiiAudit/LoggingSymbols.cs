using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>The logging and console types the PII checks recognise, resolved once per compilation; any may be missing.</summary>
internal sealed class LoggingSymbols
{
    public LoggingSymbols(Compilation compilation)
    {
        ILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        Console = compilation.GetTypeByMetadataName("System.Console");
        Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        LambdaExpression = compilation.GetTypeByMetadataName("System.Linq.Expressions.LambdaExpression");
    }

    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _loggerMessageAssemblies = new(SymbolEqualityComparer.Default);

    public INamedTypeSymbol? ILogger { get; }

    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    public INamedTypeSymbol? Console { get; }

    public INamedTypeSymbol? Debug { get; }

    public INamedTypeSymbol? Trace { get; }

    public INamedTypeSymbol? LambdaExpression { get; }

    /// <summary>A method generated from <c>[LoggerMessage]</c>: the attribute sits on the user's partial declaration.</summary>
    public AttributeData? LoggerMessage(IMethodSymbol method)
    {
        if (LoggerMessageAttribute is null || method.MethodKind != MethodKind.Ordinary || !MayUseLoggerMessage(method.ContainingAssembly))
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LoggerMessageAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary><c>ILogger.Log&lt;TState&gt;</c> itself, or an implementation of it.</summary>
    public bool IsILoggerLog(IMethodSymbol method)
    {
        if (ILogger is null || method.Name != "Log" || method.Parameters.Length != 5)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, ILogger))
        {
            return true;
        }

        foreach (var member in ILogger.GetMembers("Log"))
        {
            if (method.ContainingType.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Only an assembly that references Microsoft.Extensions.Logging.Abstractions can declare [LoggerMessage]
    /// methods; asking every other method for its attributes would decode them for nothing.
    /// </summary>
    private bool MayUseLoggerMessage(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        if (_loggerMessageAssemblies.TryGetValue(assembly, out var known))
        {
            return known;
        }

        var name = LoggerMessageAttribute!.ContainingAssembly.Identity.Name;
        var uses = assembly.Identity.Name == name;
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                uses |= referenced.Name == name;
            }
        }

        return _loggerMessageAssemblies.GetOrAdd(assembly, uses);
    }
}
