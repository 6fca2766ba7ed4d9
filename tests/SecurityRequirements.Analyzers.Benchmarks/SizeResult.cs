namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>Medians of every phase at one codebase size.</summary>
internal sealed record SizeResult(
    int TargetLines,
    int Lines,
    int Files,
    double ParseMs,
    PhaseResult Compile,
    IReadOnlyDictionary<string, PhaseResult> Tools,
    GeneratorResult Generator);
