using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.CodeFixes.Encryption;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>
/// This server's own analyzers and code fixes, created once from the assemblies it ships with (the same ones the
/// package puts under analyzers/dotnet/cs), so every answer comes from the code a build runs, not from a copy of it.
/// </summary>
internal sealed class SraComponents
{
    private SraComponents()
    {
        Analyzers = Create<DiagnosticAnalyzer>(
            typeof(AttestationGenerator).Assembly,
            type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp));
        var fixers = Create<CodeFixProvider>(
            typeof(LegacyCipherCodeFixProvider).Assembly,
            type => type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp));
        var byId = new Dictionary<string, ImmutableArray<CodeFixProvider>.Builder>(StringComparer.Ordinal);
        foreach (var fixer in fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                if (!byId.TryGetValue(id, out var list))
                {
                    byId.Add(id, list = ImmutableArray.CreateBuilder<CodeFixProvider>());
                }

                list.Add(fixer);
            }
        }

        FixersById = byId.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

    public static SraComponents Instance { get; } = new();

    /// <summary>Every C# analyzer of the analyzer assembly, ordered by type name.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The code fixes of each diagnostic id, ordered by type name.</summary>
    public ImmutableDictionary<string, ImmutableArray<CodeFixProvider>> FixersById { get; }

    public ImmutableArray<CodeFixProvider> FixersFor(string id) =>
        FixersById.TryGetValue(id, out var fixers) ? fixers : ImmutableArray<CodeFixProvider>.Empty;

    /// <summary>True for the analyzer or code-fix assembly of the package, as a project's analyzer reference names it.</summary>
    public static bool IsPackageAssembly(string? path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, "SecurityRequirements.Analyzers.dll", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "SecurityRequirements.Analyzers.CodeFixes.dll", StringComparison.OrdinalIgnoreCase);
    }

    private static ImmutableArray<T> Create<T>(Assembly assembly, Func<Type, bool> exported)
        where T : class =>
        [.. assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && typeof(T).IsAssignableFrom(t) && exported(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)];
}
