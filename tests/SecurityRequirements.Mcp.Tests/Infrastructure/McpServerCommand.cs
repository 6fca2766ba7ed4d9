using System.Reflection;

namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>
/// How a client starts the server: the sra tool's <c>mcp</c> command, <c>dotnet SecurityRequirements.Tool.dll mcp [--project p]</c>
/// (what <c>sra mcp</c> runs once the tool is installed).
/// </summary>
internal static class McpServerCommand
{
    public static string HostPath { get; } =
        typeof(McpServerCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SraTool").Value!;

    public static (string Command, List<string> Arguments) For(string? projectArgument)
    {
        var arguments = new List<string> { HostPath, "mcp" };
        if (projectArgument is not null)
        {
            arguments.Add("--project");
            arguments.Add(projectArgument);
        }

        return ("dotnet", arguments);
    }
}
