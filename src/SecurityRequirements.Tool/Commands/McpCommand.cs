using SecurityRequirements.Mcp;
using SecurityRequirements.Tool.CommandLine;

namespace SecurityRequirements.Tool.Commands;

/// <summary>
/// <c>sra mcp [--project &lt;path&gt;]</c>: the MCP server an AI coding agent starts over stdio
/// (<see cref="SecurityRequirementsMcpServer"/>). Standard output carries protocol messages only, so the server
/// takes the raw streams and writes its own messages to standard error.
/// </summary>
internal sealed class McpCommand : ToolCommand
{
    private const string Project = "--project";

    public override string Name => "mcp";

    public override string Summary => "Serve the Model Context Protocol over stdio: an AI coding agent checks and fixes code against the project's requirements while it writes.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Project, "path", SecurityRequirementsMcpServer.ProjectOptionDescription),
    ];

    public override string Details => """
        Tools: requirements (the brief), check (diagnostics for proposed file texts), fix (the fixed text or a
        unified diff for one diagnostic), attestation (the verdict the current code would get). Nothing is written
        to disk. The project is loaded once with MSBuildWorkspace (the .NET SDK must be installed) and reloaded when
        the project file or the requirements file changes. Messages go to standard error.

        Exit codes: 0 when the client closes the connection, 1 usage.
        """;

    public override Task<int> RunAsync(ParsedArguments arguments, ToolConsole console, CancellationToken cancellationToken) =>
        SecurityRequirementsMcpServer.RunAsync(arguments.Value(Project), console.OpenInput(), console.OpenOutput(), console.Error, cancellationToken);
}
