using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>A waiver as the manifest lists it: its scope written as <c>kind:value</c> and whether it covers the whole project.</summary>
internal sealed record WaiverFacts(ResolvedWaiver Resolved, string Scope, bool ProjectWide);
