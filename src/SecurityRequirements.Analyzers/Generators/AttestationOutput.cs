namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The finished manifest and its hashes; the only input of the source output step.</summary>
internal sealed record AttestationOutput(string ManifestJson, string ManifestSha256, string RequirementsSha256, string PackageVersion);
