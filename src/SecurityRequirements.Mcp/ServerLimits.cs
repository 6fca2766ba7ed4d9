namespace SecurityRequirements.Mcp;

/// <summary>
/// What one tool call may ask for. The server holds one project in memory and answers within a second, so proposals are
/// bounded: a file far larger than source code is written by hand is refused with a clear error instead of slowing every call.
/// </summary>
internal sealed record ServerLimits(int MaxFileCharacters, int MaxFiles, int MaxTotalCharacters, int MaxDiagnostics)
{
    /// <summary>1 MB of text per file (the largest hand-written C# files are far below it), 16 files and 4 MB per call, 200 diagnostics listed.</summary>
    public static ServerLimits Default { get; } = new(1_000_000, 16, 4_000_000, 200);
}
