using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>One file as the agent proposes to write it.</summary>
internal sealed record FileInput(
    [property: Description("Path of the C# file, relative to the project folder or absolute; it must be inside the project folder and end in .cs. It need not exist yet.")]
    string Path,
    [property: Description("The complete text the file would have (not a fragment or a diff). Nothing is written to disk.")]
    string Text);
