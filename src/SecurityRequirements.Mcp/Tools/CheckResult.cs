using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>The answer of the check tool.</summary>
internal sealed record CheckResult(
    [property: Description("One sentence: clean, or how many diagnostics (how many fixable) and compiler errors.")] string Summary,
    [property: Description("The files checked.")] IReadOnlyList<CheckedFile> Files,
    [property: Description("SRA diagnostics of the checked files, by file and position. Empty means the texts meet the requirements.")] IReadOnlyList<SraDiagnosticEntry> Diagnostics,
    [property: Description("C# compiler errors of the checked files: the proposed code does not build as it is.")] IReadOnlyList<CompilerErrorEntry> CompilerErrors,
    [property: Description("What else to know: lists cut short, a project without the analyzer package, analyzer failures.")] IReadOnlyList<string> Notes);
