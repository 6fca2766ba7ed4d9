using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A control parameter as written (key and scalar values), kept for the attestation.</summary>
internal sealed record ParameterModel(string Key, ImmutableArray<string> Values, bool IsList);
