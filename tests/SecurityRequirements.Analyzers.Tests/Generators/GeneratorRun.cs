using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>One generator run: the generated source, the manifest JSON and the pipeline's final model.</summary>
internal sealed record GeneratorRun(string Source, string Json, AttestationOutput Attestation);
