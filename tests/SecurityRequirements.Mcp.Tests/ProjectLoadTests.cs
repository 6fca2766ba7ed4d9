using SecurityRequirements.Mcp.Tests.Infrastructure;

namespace SecurityRequirements.Mcp.Tests;

/// <summary>A project that cannot be served makes every tool call a clear tool error; the server starts and stays up regardless.</summary>
public sealed class ProjectLoadTests
{
    [Fact]
    public async Task ProjectFileThatDoesNotLoad_IsAToolErrorOnEveryCall()
    {
        using var project = TestProject.Create(projectFile: "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>", restore: false);
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);

        var check = await server.CallErrorAsync("check", ServerSession.Files(("A.cs", "namespace App;\n")));
        var requirements = await server.CallErrorAsync("requirements");

        Assert.StartsWith($"The project cannot be checked: the project '{project.ProjectPath}' does not load: ", check, StringComparison.Ordinal);
        Assert.EndsWith("Fix the project (or start the server with --project naming one that builds) and call again.", check, StringComparison.Ordinal);
        Assert.Equal(check, requirements);
    }

    [Fact]
    public async Task ProjectNeverRestored_IsCheckedWithANoteToRestoreIt_AndReloadedOnceRestored()
    {
        using var project = TestProject.Create(restore: false);
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);

        var before = await server.CallAsync("check", ServerSession.Files(("A.cs", "namespace App;\n")));
        project.Restore();
        var after = await server.CallAsync("check", ServerSession.Files(("A.cs", "namespace App;\n")));

        Assert.Contains(
            "The project has not been restored (obj/project.assets.json is missing): its package references are not resolved, so code that uses them shows compiler errors; run 'dotnet restore' on it.",
            AgentLoopTests.Strings(before.GetProperty("notes")));
        Assert.DoesNotContain(AgentLoopTests.Strings(after.GetProperty("notes")), n => n.StartsWith("The project has not been restored", StringComparison.Ordinal));
        Assert.Contains("reloading: 'project.assets.json' changed", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectFileMissing_IsAToolError()
    {
        using var project = TestProject.Create(restore: false);
        var missing = Path.Combine(project.Root, "Missing.csproj");
        await using var server = await ServerSession.StartAsync(missing, project.Root);

        var error = await server.CallErrorAsync("attestation");

        Assert.Equal($"The project cannot be checked: the project file '{missing}' does not exist. Fix the project (or start the server with --project naming one that builds) and call again.", error);
    }

    [Fact]
    public async Task ProjectOfAnotherLanguage_IsAToolError()
    {
        using var project = TestProject.Create(restore: false);
        var vbproj = Path.Combine(project.Root, "App.vbproj");
        File.WriteAllText(vbproj, TestProject.ProjectFile);
        await using var server = await ServerSession.StartAsync(vbproj, project.Root);

        var error = await server.CallErrorAsync("check", ServerSession.Files(("A.cs", "namespace App;\n")));

        Assert.Equal($"The project cannot be checked: '{vbproj}' is not a C# project file (.csproj). Fix the project (or start the server with --project naming one that builds) and call again.", error);
    }

    [Fact]
    public async Task NoProjectArgumentAndNoProjectInTheFolder_IsAToolError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sra-mcp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = await ServerSession.StartAsync(projectArgument: null, folder);

            var error = await server.CallErrorAsync("requirements");

            Assert.Equal("The project cannot be checked: no .csproj file in the current folder; start the server with --project path/to/App.csproj. Fix the project (or start the server with --project naming one that builds) and call again.", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
