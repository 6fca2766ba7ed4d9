namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// What no manifest can see, stated in every manifest so an auditor reads it next to the verdict. docs/attestation.md
/// repeats these sentences word for word (a test checks it), next to the soundness matrix of what is seen.
/// </summary>
internal static class AttestationLimits
{
    public static readonly string[] All =
    {
        "A diagnostic suppressor shipped in another analyzer package can hide a diagnostic of ours; the build cannot list them.",
        "A #pragma or [SuppressMessage] is listed where it is written; how far it reaches (to the matching #pragma warning restore, or its Target and Scope) is not described.",
        "Files that other source generators add are analysed and reported on, but not listed here: a generator cannot see another generator's output.",
        "Settings outside the compiler are not seen: an MSBuild ContinueOnError, a CI step that ignores the build's exit code, or a build of other sources than these.",
    };
}
