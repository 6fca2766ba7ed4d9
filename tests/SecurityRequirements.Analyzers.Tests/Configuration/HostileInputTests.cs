using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

/// <summary>Input that has crashed or hung other tools: each must end in SRA0xxx diagnostics, never AD0001 or a hang.</summary>
public class HostileInputTests
{
    private const string Source = "class C { object M() => System.Security.Cryptography.MD5.Create(); }";

    public static TheoryData<string, string, string> HostileDocuments()
    {
        var data = new TheoryData<string, string, string>
        {
            { "unclosed flow sequence", "controls:\n  - id: A\n    requirement: x\n    name: [unclosed\n", "SRA0001" },
            { "unclosed flow mapping", "controls: {id: A, requirement: x", "SRA0001" },
            { "undefined alias", "controls:\n  - *nothing\n", "SRA0001" },
            { "tab indentation", "controls:\n\t- id: A\n", "SRA0001" },
            { "two documents", "controls: []\n---\ncontrols: []\n", "SRA0001" },
            { "scalar root", "just text", "SRA0002" },
            { "empty file", "", "SRA0013" },
            { "only a comment", "# nothing here\n", "SRA0013" },
            { "flow nesting 50,000 deep", "controls: " + new string('[', 50_000) + new string(']', 50_000), "SRA0014" },
            { "block nesting 10,000 deep", BlockNesting(10_000), "SRA0014" },
            { "unclosed nesting 50,000 deep", "controls: " + new string('[', 50_000), "SRA0014" },
            { "alias bomb", AliasBomb(), "SRA0002" },
            { "10 MB file", "controls:\n" + new string('#', 10 * 1024 * 1024), "SRA0014" },
            { "binary garbage", Garbage(), "SRA0001" },
            { "NUL bytes", "controls:\0\0\0", "SRA0001" },
            { "null controls", "controls:\n", "SRA0002" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Parser_ReportsWithoutThrowing(string description, string yaml, string expectedId)
    {
        var watch = Stopwatch.StartNew();
        var document = RequirementsParser.Parse(SourceText.From(yaml));
        // A hang guard, not a budget: the figures live in the benchmark.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), description + " took " + watch.Elapsed);
        Assert.Contains(document.Errors, e => e.Descriptor.Id == expectedId);
    }

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public async Task AllAnalyzers_ReportInsideTheFileWithoutAD0001(string description, string yaml, string expectedId)
    {
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(Source), yaml);

        result.AssertNoAnalyzerExceptions();

        // A file with no YAML content at all cannot be used: the analyzers say so (SRA0020) and the baseline applies.
        var expected = description is "empty file" or "only a comment" ? "SRA0020" : expectedId;
        Assert.Contains(result.FileDiagnostics, d => d.Id == expected && d.Location.GetLineSpan().Path == AnalyzerRunner.YamlPath);
        Assert.DoesNotContain(result.Diagnostics, d => d.Location == Microsoft.CodeAnalysis.Location.None);
        Assert.False(string.IsNullOrEmpty(description));
    }

    [Fact]
    public void AliasBomb_IsNeverExpanded()
    {
        var watch = Stopwatch.StartNew();
        var document = RequirementsParser.Parse(SourceText.From(AliasBomb()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Empty(document.Controls);
    }

    [Fact]
    public void TruncationAtEveryCharacter_NeverThrows()
    {
        const string valid = """
            version: "2.0"
            controls:
              - id: SEC-004
                requirement: No MD5
                check: banned
                severity: error
                parameters:
                  symbols: ["T:System.Security.Cryptography.MD5"]
                  patterns: ['(?i)select .+ from users']
            exceptions:
              - control: SEC-004
                path: "src/Legacy/**"
                justification: migration
                expires: 2027-03-31
            """;
        for (var length = 0; length <= valid.Length; length++)
        {
            var document = RequirementsParser.Parse(SourceText.From(valid.Substring(0, length)));
            Assert.NotNull(document);
        }
    }

    [Fact]
    public void ValidControlsBeforeASyntaxError_AreKept()
    {
        var document = RequirementsParser.Parse(SourceText.From("""
            controls:
              - id: SEC-1
                requirement: No MD5
                check: banned
              - id: SEC-2
                requirement: [unclosed
            """));

        Assert.Equal("SEC-1", Assert.Single(document.Controls).Id);
        Assert.Contains(document.Errors, e => e.Descriptor.Id == "SRA0001");
    }

    private static string BlockNesting(int depth)
    {
        var builder = new StringBuilder("controls:\n");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(' ', Math.Min(i, 2000)).Append("- \n");
        }

        return builder.ToString();
    }

    private static string AliasBomb()
    {
        var builder = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 30; i++)
        {
            builder.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        builder.Append("controls: [*a29, *a29]\n");
        return builder.ToString();
    }

    private static string Garbage()
    {
        var random = new Random(20261128);
        var chars = new char[4096];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0xD7FF);
        }

        return "controls: \"" + new string(chars);
    }
}
