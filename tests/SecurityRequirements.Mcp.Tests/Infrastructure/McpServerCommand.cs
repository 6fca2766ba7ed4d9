using System.Reflection;

namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>
/// How a client starts the server: today the temporary host, <c>dotnet SecurityRequirements.Mcp.Host.dll [--project p]</c>;
/// once the sra tool hosts it, <c>dotnet sra.dll mcp [--project p]</c>. The one place to change then.
/// </summary>
internal static class McpServerCommand
{
    public static string HostPath { get; } =
        typeof(McpServerCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "McpServerHost").Value!;

    public static (string Command, List<string> Arguments) For(string? projectArgument)
    {
        var arguments = new List<string> { HostPath };
        if (projectArgument is not null)
        {
            arguments.Add("--project");
            arguments.Add(projectArgument);
        }

        return ("dotnet", arguments);
    }
}
