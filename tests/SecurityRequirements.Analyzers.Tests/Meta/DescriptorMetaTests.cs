using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Meta;

/// <summary>Keeps ids, descriptors, analyzers, release tracking, doc pages and the README table in step.</summary>
public class DescriptorMetaTests
{
    public static IEnumerable<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static string RepoRoot => RepositoryPaths.Root;

    [Fact]
    public void EveryIdConstant_HasExactlyOneDescriptor()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(ids, Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void EveryDescriptor_IsSupportedByExactlyOneAnalyzer()
    {
        var supported = AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(Descriptors.Select(d => d.Id), supported);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_FollowsConventions(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        Assert.Matches("^SRA[0-9]{4}$", id);
        Assert.Equal(HelpLinks.ForId(id), descriptor.HelpLinkUri);
        Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.False(descriptor.MessageFormat.ToString().EndsWith('.'), "RS1032: a one-sentence message has no final period");
        Assert.EndsWith(".", descriptor.Description.ToString(), StringComparison.Ordinal);
        var expectedCategory = id[3] switch
        {
            '0' => DiagnosticCategories.RequirementsFile,
            '1' => DiagnosticCategories.Encryption,
            '2' => DiagnosticCategories.OAuthPkce,
            '3' => DiagnosticCategories.PiiAudit,
            _ => DiagnosticCategories.Bans,
        };
        Assert.Equal(expectedCategory, descriptor.Category);
        if (id[3] != '0')
        {
            Assert.StartsWith("{0} '{1}': ", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DocPage_ExistsWithTitleAndSections(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var path = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), path + " is missing");
        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "Cause", "Rule description", "Noncompliant code", "Compliant code", "How to fix", "Configuration", "When to suppress" })
        {
            Assert.Contains("## " + section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTracking_ListsIdWithSeverityAndCategory(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var rows = File.ReadAllLines(Path.Combine(RepoRoot, "src", "SecurityRequirements.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepoRoot, "src", "SecurityRequirements.Analyzers", "AnalyzerReleases.Shipped.md")));
        var row = Assert.Single(rows, r => r.StartsWith(id + " ", StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Fact]
    public void ReadmeRulesTable_MatchesDescriptors()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        var rows = Regex.Matches(readme, @"^\| (SRA\d{4}) \| (.+?) \| (\w+) \| (Yes|No) \| \[\1\.md\]\(docs/rules/\1\.md\) \|$", RegexOptions.Multiline)
            .Select(m => (Id: m.Groups[1].Value, Title: m.Groups[2].Value, Severity: m.Groups[3].Value, Fix: m.Groups[4].Value))
            .ToArray();
        var fixable = typeof(SecurityRequirements.Analyzers.CodeFixes.Encryption.CryptoNames).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        Assert.Equal(Descriptors.Select(d => (d.Id, d.Title.ToString(), d.DefaultSeverity.ToString(), fixable.Contains(d.Id) ? "Yes" : "No")), rows);
    }

    [Fact]
    public void BriefRemedies_CoverEveryCheckRule_AndSayYesExactlyWhereAFixerExists()
    {
        var fixable = typeof(SecurityRequirements.Analyzers.CodeFixes.Encryption.CryptoNames).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        var checkRules = Descriptors.Select(d => d.Id).Where(id => !id.StartsWith("SRA0", StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(checkRules, SecurityRequirements.Analyzers.Brief.RuleRemedies.Ids.OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(checkRules, id => Assert.Equal((id, fixable.Contains(id)), (id, SecurityRequirements.Analyzers.Brief.RuleRemedies.For(id)!.HasCodeFix)));
    }
}
