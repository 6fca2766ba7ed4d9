namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>The attestation generator's three runs: first, after an unrelated C# edit, after a YAML edit.</summary>
internal sealed record GeneratorResult(double FirstMs, double CSharpEditMs, double YamlEditMs, long FirstAllocatedBytes, bool CSharpEditAllCached, bool YamlEditReparsed, string Note)
{
    public static GeneratorResult Median(IReadOnlyList<GeneratorResult> runs) => new(
        PhaseResult.MedianOf(runs.Select(r => r.FirstMs)),
        PhaseResult.MedianOf(runs.Select(r => r.CSharpEditMs)),
        PhaseResult.MedianOf(runs.Select(r => r.YamlEditMs)),
        (long)PhaseResult.MedianOf(runs.Select(r => (double)r.FirstAllocatedBytes)),
        runs.All(r => r.CSharpEditAllCached),
        runs.All(r => r.YamlEditReparsed),
        string.Join("; ", runs.Select(r => r.Note).Where(n => n.Length > 0).Distinct()));
}
