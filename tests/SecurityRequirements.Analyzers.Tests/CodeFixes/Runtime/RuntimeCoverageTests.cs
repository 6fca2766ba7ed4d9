using System.Reflection;
using System.Text.RegularExpressions;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>Every id the README marks "Code fix: Yes" has a test in this folder that applies its fix and runs the result.</summary>
public class RuntimeCoverageTests
{
    [Fact]
    public void EveryFixableIdOfTheReadme_HasARuntimeTest()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var fixable = Regex.Matches(readme, @"^\| (SRA\d{4}) \|[^|]+\|[^|]+\| Yes \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Fixers.FixableIds, fixable);

        var tested = typeof(RuntimeCoverageTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuntimeCoverageTests).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .SelectMany(m => Regex.Matches(m.Name, @"Sra(\d{4})").Select(match => "SRA" + match.Groups[1].Value))
            .ToHashSet();
        Assert.Equal(fixable, fixable.Where(tested.Contains));
    }
}
