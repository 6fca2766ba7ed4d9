using SecurityRequirements.Mcp;

// Temporary host of the MCP server until the sra tool runs it as `sra mcp [--project <path>]`.
// Standard output carries MCP messages only; the server's own messages go to standard error.
string? project = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--project" when i + 1 < args.Length:
            project = args[++i];
            break;
        case "-h" or "--help" or "-?":
            Console.Error.WriteLine($"""
                MCP server (stdio) that checks C# against the project's security requirements while an AI agent writes it.

                Usage: SecurityRequirements.Mcp.Host [--project <path>]

                  --project <path>  {SecurityRequirementsMcpServer.ProjectOptionDescription}
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unexpected argument '{args[i]}'. Usage: SecurityRequirements.Mcp.Host [--project <path>]");
            return 1;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await SecurityRequirementsMcpServer.RunStdioAsync(project, Console.Error, cancel.Token).ConfigureAwait(false);
