namespace SecurityRequirements.Mcp;

/// <summary>The server's own messages (load progress, reloads, failures), one line each, to standard error in a host.</summary>
internal sealed class ServerLog(TextWriter writer)
{
    private readonly object _gate = new();

    public void Write(string message)
    {
        lock (_gate)
        {
            writer.WriteLine("sra mcp: " + message);
            writer.Flush();
        }
    }
}
