namespace SecurityRequirements.Tool;

/// <summary>
/// The streams a command talks through: the process's console, or buffers in tests. A command that
/// speaks a protocol over standard input and output (an MCP server, say) takes the raw streams.
/// </summary>
internal sealed class ToolConsole(TextReader input, TextWriter output, TextWriter error, Func<Stream> openOutput, Func<Stream>? openInput = null)
{
    public static ToolConsole System { get; } = new(Console.In, Console.Out, Console.Error, Console.OpenStandardOutput, Console.OpenStandardInput);

    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard input as bytes.</summary>
    public Stream OpenInput() => openInput?.Invoke() ?? Stream.Null;

    /// <summary>Standard output as bytes; write through <see cref="Out"/> or this, not both at once.</summary>
    public Stream OpenOutput() => openOutput();

    /// <summary>Writes exact bytes to standard output (UTF-8 without BOM, '\n' kept), for --print.</summary>
    public void WriteExact(string text)
    {
        Out.Flush();
        using var stream = openOutput();
        stream.Write(SecurityRequirements.Attestation.EvidenceFiles.Utf8.GetBytes(text));
        stream.Flush();
    }
}
