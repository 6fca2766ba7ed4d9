using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>The answer of the fix tool.</summary>
internal sealed record FixResult(
    [property: Description("One sentence: what the fix did, or why no fix applies, and what is left.")] string Summary,
    [property: Description("Whether a code fix was applied. When false, Changes is empty and ByHand says what to write.")] bool Applied,
    [property: Description("The diagnostic fixed.")] string DiagnosticId,
    [property: Description("The control it enforces.")] string Control,
    [property: Description("The title of the applied code fix, which states what the fix assumes (for example a key size); empty when none was applied.")] string FixTitle,
    [property: Description("The files the fix changes, each with its fixed text and/or diff. Nothing is written to disk.")] IReadOnlyList<FileChange> Changes,
    [property: Description("SRA diagnostics the changed files still have after the fix (check again after writing them).")] IReadOnlyList<SraDiagnosticEntry> Remaining,
    [property: Description("Compiler errors of the changed files after the fix.")] IReadOnlyList<CompilerErrorEntry> CompilerErrors,
    [property: Description("What to do by hand: the remedy of each rule whose diagnostic no fix removes.")] IReadOnlyList<string> ByHand,
    [property: Description("Other fixes offered for the same diagnostic (pass fixIndex to choose one).")] IReadOnlyList<string> OtherFixTitles,
    [property: Description("What else to know.")] IReadOnlyList<string> Notes);
