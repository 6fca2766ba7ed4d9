using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SecurityRequirements.Mcp.Tools;
using SecurityRequirements.Mcp.Workspace;

namespace SecurityRequirements.Mcp;

/// <summary>
/// The Model Context Protocol server of SecurityRequirements.Analyzers: one project, loaded once and kept warm, and four
/// tools (<c>requirements</c>, <c>check</c>, <c>fix</c>, <c>attestation</c>) that answer an AI coding agent while it
/// writes code. A host (the <c>sra mcp</c> command) calls <see cref="RunStdioAsync"/> and returns its exit code.
/// </summary>
public static class SecurityRequirementsMcpServer
{
    /// <summary>The name the server gives itself in the MCP handshake.</summary>
    public const string ServerName = "security-requirements";

    /// <summary>What the options of a host's command mean (for its <c>--help</c>).</summary>
    public const string ProjectOptionDescription =
        "the C# project (.csproj) to check code against; default: the only .csproj in the current folder";

    /// <summary>
    /// Serves MCP over this process's standard input and output until the client closes standard input or
    /// <paramref name="cancellationToken"/> fires. Standard output carries protocol messages only; progress and problems go
    /// to <paramref name="log"/> (standard error in a host). The project starts loading at once, so the first tool call
    /// waits only for what is left of the load; a project that cannot load is reported by every tool call, not by an exit.
    /// </summary>
    /// <param name="projectPath">The .csproj, relative to the current folder; null: the only .csproj in the current folder.</param>
    /// <param name="log">Where to write the server's own messages.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>0 when the client closed the connection.</returns>
    public static Task<int> RunStdioAsync(string? projectPath, TextWriter log, CancellationToken cancellationToken) =>
        RunAsync(projectPath, Console.OpenStandardInput(), Console.OpenStandardOutput(), log, cancellationToken);

    /// <summary>As <see cref="RunStdioAsync"/>, over any pair of streams (newline-delimited JSON-RPC, as MCP's stdio transport).</summary>
    public static async Task<int> RunAsync(string? projectPath, Stream input, Stream output, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var serverLog = new ServerLog(log);
        await using var host = new ProjectHost(ProjectLocator.Resolve(projectPath, Directory.GetCurrentDirectory()), serverLog, ServerLimits.Default);
        host.StartLoading();

        var tools = new SecurityRequirementsTools(host);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = ServerName, Version = Version },
            ServerInstructions = SecurityRequirementsTools.Instructions,
            ToolCollection = [.. tools.CreateTools()],
        };

        await using var transport = new StreamServerTransport(input, output, ServerName);
        await using var server = McpServer.Create(transport, options);
        try
        {
            await server.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the host (Ctrl+C): a normal end.
        }

        return 0;
    }

    /// <summary>The version of the analyzers this server runs (they are what decides every answer).</summary>
    public static string Version { get; } =
        typeof(Analyzers.Generators.AttestationGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
