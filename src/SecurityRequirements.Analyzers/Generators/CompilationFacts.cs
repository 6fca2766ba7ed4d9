using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What the attestation reads from the compilation options: the assembly name and how they change our rules' severities.</summary>
/// <remarks>
/// <para><c>WarningsAsErrors</c>: TreatWarningsAsErrors: every warning of ours fails the build.</para>
/// <para><c>Overrides</c>: Rule ids whose severity .editorconfig, a global config, NoWarn or WarningsAsErrors sets, sorted by id.</para>
/// </remarks>
internal sealed record CompilationFacts(string AssemblyName, bool WarningsAsErrors, EquatableArray<SeverityOverride> Overrides);
