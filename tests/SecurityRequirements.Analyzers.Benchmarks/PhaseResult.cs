using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// One measured phase of one run: wall time, the analyzers' own execution time from telemetry (zero for
/// the plain compile and the generator), the time per analyzer, bytes allocated, findings and analyzer exceptions.
/// </summary>
internal sealed record PhaseResult(
    double WallMs,
    double AnalyzerMs,
    ImmutableDictionary<string, double> PerAnalyzerMs,
    long AllocatedBytes,
    int Diagnostics,
    int Exceptions,
    string Note = "")
{
    public static PhaseResult Median(IReadOnlyList<PhaseResult> runs)
    {
        var perAnalyzer = runs[0].PerAnalyzerMs.Keys.ToImmutableDictionary(
            key => key,
            key => MedianOf(runs.Select(r => r.PerAnalyzerMs.GetValueOrDefault(key))));
        return new PhaseResult(
            MedianOf(runs.Select(r => r.WallMs)),
            MedianOf(runs.Select(r => r.AnalyzerMs)),
            perAnalyzer,
            (long)MedianOf(runs.Select(r => (double)r.AllocatedBytes)),
            runs[^1].Diagnostics,
            runs.Max(r => r.Exceptions),
            string.Join("; ", runs.Select(r => r.Note).Where(n => n.Length > 0).Distinct()));
    }

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
