using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>A file a check covered.</summary>
internal sealed record CheckedFile(
    [property: Description("The file, relative to the project folder.")] string Path,
    [property: Description("True when the project has no such file yet: it was checked as a new file of the project.")] bool IsNew,
    [property: Description("How many SRA diagnostics the file has.")] int Diagnostics,
    [property: Description("How many compiler errors the file has.")] int CompilerErrors);
