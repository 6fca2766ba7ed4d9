using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>One server process and the SDK client connected to it over stdio.</summary>
internal sealed class ServerSession : IAsyncDisposable
{
    /// <summary>Generous: the first call waits for the project's design-time build on a busy 2-core machine.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(4);

    private readonly ConcurrentQueue<string> _log;

    private ServerSession(McpClient client, ConcurrentQueue<string> log)
    {
        Client = client;
        _log = log;
    }

    public McpClient Client { get; }

    /// <summary>What the server wrote to standard error (its own messages).</summary>
    public string Log => string.Join("\n", _log);

    public static async Task<ServerSession> StartAsync(string? projectArgument, string workingDirectory)
    {
        var (command, arguments) = McpServerCommand.For(projectArgument);
        var log = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sra mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            },
            StandardErrorLines = log.Enqueue,
        });
        using var timeout = new CancellationTokenSource(CallTimeout);
        var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        return new ServerSession(client, log);
    }

    /// <summary>Calls a tool that must succeed; returns its structured result (the JSON of its text content).</summary>
    public async Task<JsonElement> CallAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallRawAsync(tool, arguments);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}\nServer log:\n{Log}");
        Assert.NotNull(result.StructuredContent);
        return JsonDocument.Parse(Text(result)).RootElement.Clone();
    }

    /// <summary>Calls a tool that returns text (requirements).</summary>
    public async Task<string> CallTextAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallRawAsync(tool, arguments);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}\nServer log:\n{Log}");
        return Text(result);
    }

    /// <summary>Calls a tool that must fail with a tool error; returns the server's message (after the prefix the SDK puts before it).</summary>
    public async Task<string> CallErrorAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await CallRawAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} was expected to fail but returned: {Text(result)}");
        var prefix = $"An error occurred invoking '{tool}': ";
        var text = Text(result);
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return text[prefix.Length..];
    }

    public async Task<CallToolResult> CallRawAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        using var timeout = new CancellationTokenSource(CallTimeout);
        return await Client.CallToolAsync(tool, arguments, cancellationToken: timeout.Token);
    }

    public static Dictionary<string, object?> Files(params (string Path, string Text)[] files) => new()
    {
        ["files"] = files.Select(f => new Dictionary<string, object?> { ["path"] = f.Path, ["text"] = f.Text }).ToList(),
    };

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
