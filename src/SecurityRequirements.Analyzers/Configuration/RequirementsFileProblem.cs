namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A requirements file the build named that could not be used; the baseline applies in its place when no other file can.</summary>
/// <remarks>
/// <para><c>Path</c>: the path as the build gave it.</para>
/// <para><c>Reason</c>: what is wrong, completing "The requirements file '…' …": "does not exist", "is a directory", "cannot be read", "is empty".</para>
/// </remarks>
internal sealed record RequirementsFileProblem(string Path, string Reason)
{
    public const string Missing = "does not exist";
    public const string Directory = "is a directory";
    public const string Unreadable = "cannot be read";
    public const string Empty = "is empty";
}
