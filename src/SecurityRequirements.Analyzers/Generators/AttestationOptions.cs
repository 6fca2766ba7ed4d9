using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The build properties the attestation reads.</summary>
/// <remarks>
/// <para><c>ProjectDirectory</c>: build_property.MSBuildProjectDirectory with '/' separators and no trailing slash; empty when unknown.</para>
/// <para><c>AiMarkers</c>: The markers searched for in file headers, in the order given.</para>
/// <para><c>AnalyzersRun</c>: "true" or "false" as the package's targets computed it from RunAnalyzers and RunAnalyzersDuringBuild (the
/// generator runs even when the analyzers are skipped); null when the package's build files were not imported, so nobody said.</para>
/// <para><c>SourceRevision</c>: build_property.SourceRevisionId (Source Link or CI); null when the build does not know it.</para>
/// </remarks>
internal sealed record AttestationOptions(string ProjectDirectory, EquatableArray<string> AiMarkers, bool? AnalyzersRun, string? SourceRevision);
