using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>A file the code fix changed.</summary>
internal sealed record FileChange(
    [property: Description("The file, relative to the project folder.")] string Path,
    [property: Description("True when the fix creates this file.")] bool IsNew,
    [property: Description("The file's complete fixed text, to write in place of the proposed text (empty with output \"diff\").")] string Text,
    [property: Description("A unified diff from the text given to the fixed text (empty with output \"text\").")] string Diff);
