using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>Same inputs, same diagnostics: ids, locations, messages and order, across parallel concurrent runs.</summary>
public class DeterminismTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            requirement: Encrypt with AES-256-GCM
            check: encryption
            parameters: { forbid_weak_hashes: true }
          - id: SEC-003
            requirement: Audit every PII read
            check: pii-audit
          - id: SEC-004
            requirement: No raw SQL
            check: banned
            parameters:
              patterns: ['(?i)select .+ from users']
        """;

    [Fact]
    public async Task ParallelRunsOfAMultiFileProject_GiveIdenticalDiagnostics()
    {
        var sources = Enumerable.Range(0, 8).Select(i => RobustnessSources.Mixed.Replace("namespace Robustness;", $"namespace Robustness{i};")).ToArray();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), Yaml);
            result.AssertNoAnalyzerExceptions();
            return result.Diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.Severity} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .ToArray();
        })));

        Assert.NotEmpty(runs[0]);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0], run);
        }
    }
}
