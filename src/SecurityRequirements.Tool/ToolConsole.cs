namespace SecurityRequirements.Tool;

/// <summary>The streams a command talks through: the process's console, or buffers in tests.</summary>
internal sealed class ToolConsole(TextReader input, TextWriter output, TextWriter error, Func<Stream> openOutput)
{
    public static ToolConsole System { get; } = new(Console.In, Console.Out, Console.Error, Console.OpenStandardOutput);

    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Writes exact bytes to standard output (UTF-8 without BOM, '\n' kept), for --print.</summary>
    public void WriteExact(string text)
    {
        Out.Flush();
        using var stream = openOutput();
        stream.Write(SecurityRequirements.Attestation.EvidenceFiles.Utf8.GetBytes(text));
        stream.Flush();
    }
}
