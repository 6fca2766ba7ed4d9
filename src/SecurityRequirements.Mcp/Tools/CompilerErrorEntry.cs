using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>A C# compiler error in a checked file: the code would not build as proposed.</summary>
internal sealed record CompilerErrorEntry(
    [property: Description("The compiler's id, e.g. CS0103.")] string Id,
    [property: Description("The file, relative to the project folder.")] string Path,
    [property: Description("1-based line.")] int Line,
    [property: Description("1-based column.")] int Column,
    [property: Description("The compiler's message.")] string Message);
