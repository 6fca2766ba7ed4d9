using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The build properties the policy depends on besides the files: the effective date and a problem with the file the build named.</summary>
internal sealed record PolicyInputs(EffectiveDate Today, RequirementsFileProblem? NamedFileProblem);
