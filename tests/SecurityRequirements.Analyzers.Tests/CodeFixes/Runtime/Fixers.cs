using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>The package's code fix providers, as <c>dotnet format analyzers</c> loads them.</summary>
internal static class Fixers
{
    public static ImmutableArray<CodeFixProvider> All { get; } = typeof(SecurityRequirements.Analyzers.CodeFixes.Encryption.CryptoNames).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The providers that fix <paramref name="id"/>.</summary>
    public static ImmutableArray<CodeFixProvider> For(string id) => All.Where(f => f.FixableDiagnosticIds.Contains(id)).ToImmutableArray();

    /// <summary>Every id some provider fixes: what the README table marks "Code fix: Yes".</summary>
    public static IEnumerable<string> FixableIds => All.SelectMany(f => f.FixableDiagnosticIds).Distinct().Order(StringComparer.Ordinal);
}
