using ModelContextProtocol;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>
/// The errors a tool call reports to the agent (an MCP tool result with isError set and this text): each says what was
/// wrong with the call and what to send instead.
/// </summary>
internal static class ToolErrors
{
    public static McpException ProjectDoesNotLoad(string reason) =>
        new($"The project cannot be checked: {reason}. Fix the project (or start the server with --project naming one that builds) and call again.");

    public static McpException NoFiles() =>
        new("No files given: pass at least one {\"path\", \"text\"} pair with the full proposed text of a C# file.");

    public static McpException TooManyFiles(int count, int limit) =>
        new($"{count} files given, over the limit of {limit} per call: check the files in several calls.");

    public static McpException EmptyPath() =>
        new("A file has an empty path: give the path of a .cs file inside the project folder.");

    public static McpException NotCSharp(string path) =>
        new($"'{path}' is not a C# file: the analyzers check .cs files only; pass the path of a .cs file.");

    public static McpException OutsideProject(string path, string projectDirectory) =>
        new($"'{path}' is outside the project folder '{projectDirectory}': pass a path inside it (relative to it, or absolute).");

    public static McpException Duplicate(string path) =>
        new($"'{path}' is given more than once: pass each file once, with its full text.");

    public static McpException TextTooLarge(string path, int length, int limit) =>
        new($"The text of '{path}' has {length} characters, over the limit of {limit}: split the file, or check a smaller one.");

    public static McpException TotalTooLarge(long length, int limit) =>
        new($"The texts given have {length} characters in all, over the limit of {limit} per call: check the files in several calls.");

    public static McpException BadPosition(string detail) =>
        new($"The location is not in the text: {detail}. Pass the 1-based line and column that check reported.");

    public static McpException BadArgument(string detail) => new(detail);
}
