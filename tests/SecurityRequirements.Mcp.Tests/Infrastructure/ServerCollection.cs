namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>The test classes that share one server (its cold start is the expensive part).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "Shared MCP server";
}
