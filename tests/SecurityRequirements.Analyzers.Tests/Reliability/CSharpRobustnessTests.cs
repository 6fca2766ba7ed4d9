using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>Half-typed and broken C#: every analyzer over every token-boundary prefix of a mixed source, with zero AD0001.</summary>
public class CSharpRobustnessTests
{
    private const string AllChecksYaml = """
        controls:
          - id: SEC-001
            requirement: Encrypt with AES-256-GCM
            check: encryption
            parameters: { forbid_weak_hashes: true }
          - id: SEC-002
            requirement: OAuth 2.0 with PKCE
            check: oauth-pkce
          - id: SEC-003
            requirement: Audit every PII read
            check: pii-audit
          - id: SEC-004
            requirement: No MD5, no raw SQL
            check: banned
            parameters:
              symbols: ["T:System.Security.Cryptography.MD5", "N:System.Net"]
              patterns: ['(?i)select .+ from users']
        """;

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string> { "Robustness.cs" };
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "samples", "Noncompliant"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task EveryTokenPrefix_NoAnalyzerException(string file)
    {
        var source = file == "Robustness.cs" ? RobustnessSources.Mixed : File.ReadAllText(Path.Combine(RepoRoot, file));
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        var failures = new List<string>();

        // A stride keeps the run short while the cut points still fall inside every construct.
        var stride = file == "Robustness.cs" ? 3 : 7;
        for (var i = 0; i < tokens.Count; i += stride)
        {
            var prefix = source[..tokens[i].Span.End];
            var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(prefix), AllChecksYaml);
            if (result.Exceptions.Count > 0)
            {
                failures.Add($"prefix ending at {tokens[i].Span.End} ('{tokens[i].Text}'): {result.Exceptions[0]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(3)));
    }

    private static string RepoRoot => RepositoryPaths.Root;

    [Fact]
    public async Task TopLevelStatementsPartialClassesAndMissingReferences_NoAnalyzerException()
    {
        var sources = new[]
        {
            "using System.Security.Cryptography; var aes = Aes.Create(); aes.KeySize = 64; System.Console.WriteLine(Missing.Type.Call());",
            "public partial class P { public string Email { get; set; } = \"\"; partial void Log(); }",
            "public partial class P { partial void Log() { Unknown.Logger.LogInformation(\"{Email}\", Email); } }",
            "class Broken { void M( { new AesGcm(; DES.Create(}",
        };

        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), AllChecksYaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Contains(result.Diagnostics, d => d.Id == "SRA1004");
    }
}
