namespace SecurityRequirements.Tool.CommandLine;

/// <summary>A command line the command cannot run with; the message says what is wrong.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
}
