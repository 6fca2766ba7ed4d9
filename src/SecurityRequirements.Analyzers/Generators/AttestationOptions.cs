using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The build properties the attestation reads: where the project is, today's date and the AI provenance markers.</summary>
/// <remarks>
/// <para><c>ProjectDirectory</c>: build_property.MSBuildProjectDirectory with '/' separators and no trailing slash; empty when unknown.</para>
/// <para><c>Today</c>: yyyy-MM-dd from SecurityRequirementsToday; null when not set.</para>
/// <para><c>AiMarkers</c>: The markers searched for in file headers, in the order given.</para>
/// </remarks>
internal sealed record AttestationOptions(string ProjectDirectory, string? Today, EquatableArray<string> AiMarkers);
