namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Names of the attestation pipeline's steps, so that tests can read each step's run reasons
/// (Cached, Unchanged, Modified, New) from the driver's tracked steps.
/// </summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string BriefRequested = nameof(BriefRequested);
    public const string Brief = nameof(Brief);
    public const string PolicyInputs = nameof(PolicyInputs);
    public const string RequirementsFiles = nameof(RequirementsFiles);
    public const string Policy = nameof(Policy);
    public const string PkceTypes = nameof(PkceTypes);
    public const string SourceFiles = nameof(SourceFiles);
    public const string SuppressMessageAttributes = nameof(SuppressMessageAttributes);
    public const string CompilationFacts = nameof(CompilationFacts);
    public const string Manifest = nameof(Manifest);

    public static readonly string[] All = { Options, PolicyInputs, RequirementsFiles, Policy, PkceTypes, SourceFiles, SuppressMessageAttributes, CompilationFacts, Manifest };
}
