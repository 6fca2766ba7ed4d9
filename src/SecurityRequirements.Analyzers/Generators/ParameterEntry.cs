using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>A control parameter as written in the YAML: scalar values stay strings so the manifest shows exactly what the policy says.</summary>
internal sealed record ParameterEntry(string Key, EquatableArray<string> Values, bool IsList);
