namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>One restored project (SEC-001 at severity error, no analyzer package) and one server on it, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal TestProject Project { get; private set; } = null!;

    internal ServerSession Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Project = TestProject.Create(files: ("Storage/Sealer.cs", Samples.CleanSealer));
        Server = await ServerSession.StartAsync(Project.ProjectPath, Project.Root);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Project.Dispose();
    }
}
