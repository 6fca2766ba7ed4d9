using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Tests.Verifiers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>
/// Seeded YAML fuzzing: every document through the requirements engine and through every analyzer on a C# project
/// that exercises all checks. A failure names the seed and prints the document;
/// <c>SRA_FUZZ_COUNT</c> raises the count (CI runs the default), <c>SRA_FUZZ_SEED</c> replays one document.
/// Documents that once broke something live in Reliability/Crashers and run every time.
/// </summary>
public class YamlFuzzTests
{
    private const int DefaultCount = 10_000;
    private static readonly TimeSpan PerDocumentBound = TimeSpan.FromSeconds(5);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("SRA_FUZZ_COUNT"), out var count) ? count : DefaultCount;

    private static IEnumerable<int> Seeds =>
        int.TryParse(Environment.GetEnvironmentVariable("SRA_FUZZ_SEED"), out var seed) ? [seed] : Enumerable.Range(1, Count);

    [Fact]
    public void MutatedDocuments_NeverThrow_AndMalformedOnesAreReportedInTheFile()
    {
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(Seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var yaml = YamlMutator.Mutate(seed);
            var failure = CheckEngine(yaml);
            if (failure is not null)
            {
                failures.Add($"seed {seed}: {failure}\n--- document ---\n{Shorten(yaml)}\n---");
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(5)));
    }

    [Fact]
    public async Task MutatedDocuments_ThroughAllAnalyzers_NoAD0001()
    {
        var compilation = AnalyzerRunner.Compile(RobustnessSources.Mixed);
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (seed, _) =>
        {
            var yaml = YamlMutator.Mutate(seed);
            var result = await AnalyzerRunner.RunAsync(compilation, yaml);
            if (result.Exceptions.Count > 0)
            {
                failures.Add($"seed {seed}: {result.Exceptions[0]}");
            }

            foreach (var diagnostic in result.FileDiagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (diagnostic.Location.GetLineSpan().Path != AnalyzerRunner.YamlPath || span.End > yaml.Length)
                {
                    failures.Add($"seed {seed}: {diagnostic.Id} located outside the file: {diagnostic.Location}");
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void TruncationAtEveryCharacterOfAValidFile_NeverThrows()
    {
        var failures = new List<string>();
        for (var length = 0; length <= YamlMutator.Valid.Length; length++)
        {
            var failure = CheckEngine(YamlMutator.Valid[..length]);
            if (failure is not null)
            {
                failures.Add($"length {length}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Crashers_StayFixed()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Reliability", "Crashers");
        foreach (var file in Directory.GetFiles(directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            Assert.Null(CheckEngine(File.ReadAllText(file)));
        }
    }

    /// <summary>Null when the engine behaved; otherwise what went wrong.</summary>
    private static string? CheckEngine(string yaml)
    {
        var watch = Stopwatch.StartNew();
        RequirementsDocument document;
        try
        {
            document = RequirementsParser.Parse(SourceText.From(yaml));
        }
        catch (Exception ex)
        {
            return "the engine threw " + ex;
        }

        if (watch.Elapsed > PerDocumentBound)
        {
            return $"parsing took {watch.Elapsed.TotalSeconds:F1} s";
        }

        foreach (var error in document.Errors)
        {
            if (error.Span.Span.End > yaml.Length)
            {
                return $"{error.Descriptor.Id} is located past the end of the file";
            }
        }

        // Oracle: when YamlDotNet's own loader rejects the text, the engine must say so inside the file.
        if (RejectedByYamlDotNet(yaml) && !document.Errors.Any(e => e.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            return "YamlDotNet rejects the document but the engine reported no error about it";
        }

        return null;
    }

    private static bool RejectedByYamlDotNet(string yaml)
    {
        // The loader recurses; very deep documents are left to the engine's own limits.
        if (yaml.Count(c => c is '[' or '{') > 500 || yaml.Length > 1_000_000 || yaml.Contains('\0'))
        {
            return false;
        }

        try
        {
            new YamlStream().Load(new StringReader(yaml));
            return false;
        }
        catch (YamlException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Shorten(string yaml) => yaml.Length <= 4000 ? yaml : yaml[..4000] + "…";
}
