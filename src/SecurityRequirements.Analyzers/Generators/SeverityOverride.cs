using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The severity the compiler options give one of our rule ids, as error, warning, info or none.</summary>
/// <remarks>
/// <para><c>Severities</c>: The distinct severities the rule gets across the files of the compilation, sorted; <c>default</c> where nothing overrides the YAML.</para>
/// </remarks>
internal sealed record SeverityOverride(string Id, EquatableArray<string> Severities);
