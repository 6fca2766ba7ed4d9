using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What the attestation reads from the compilation options: the assembly name and how they change our rules' severities.</summary>
/// <remarks>
/// <para><c>GeneralOption</c>: What every warning becomes: "error" under TreatWarningsAsErrors, "suppress" when all warnings are off, else "default".</para>
/// <para><c>WarningLevel</c>: The compiler's warning level; 0 drops every warning, ours included.</para>
/// <para><c>Rules</c>: Our rule ids whose severity the options set anywhere, sorted by id.</para>
/// </remarks>
internal sealed record CompilationFacts(string AssemblyName, string GeneralOption, int WarningLevel, EquatableArray<RuleSeverityFacts> Rules);
