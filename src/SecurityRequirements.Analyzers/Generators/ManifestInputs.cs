using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Everything the manifest is built from, gathered one input at a time so that each pipeline step carries one reference
/// type (see <see cref="ValueList{T}"/> for why). Compared by value, so unchanged inputs keep the manifest cached.
/// </summary>
internal sealed record ManifestInputs(
    ResolvedPolicy Policy,
    ValueList<SourceFileScan> Sources,
    ValueList<ValueList<SuppressionEntry>>? AttributeSuppressions = null,
    CompilationFacts? Facts = null,
    AttestationOptions? Options = null,
    bool PkceTypesPresent = false);
