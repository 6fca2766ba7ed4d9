using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.WarmUp;

/// <summary>
/// Downloads every NuGet reference set the tests use. On Linux, the test framework's first download of a package
/// can resolve to an empty set within that process (the next process sees it), so CI runs this class alone first.
/// It asserts nothing about the downloads; the real tests do.
/// </summary>
public class ReferenceAssembliesWarmUp
{
    public const string Filter = "FullyQualifiedName~ReferenceAssembliesWarmUp";

    [Fact]
    public async Task ResolveEveryReferenceSet()
    {
        var sets = typeof(ReferenceAssembliesWarmUp).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(ReferenceAssemblies)).Select(f => f.GetValue(null))
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(p => p.PropertyType == typeof(ReferenceAssemblies) && p.GetIndexParameters().Length == 0).Select(p => p.GetValue(null))))
            .OfType<ReferenceAssemblies>()
            .Append(ReferenceAssemblies.Net.Net80)
            .ToList();

        foreach (var set in sets)
        {
            await set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        }

        Assert.NotEmpty(sets);
    }
}
