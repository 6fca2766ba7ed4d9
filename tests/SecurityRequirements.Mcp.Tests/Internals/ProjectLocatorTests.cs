using SecurityRequirements.Mcp.Workspace;

namespace SecurityRequirements.Mcp.Tests.Internals;

public sealed class ProjectLocatorTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sra-mcp-locator-");

    [Fact]
    public void NoArgument_TakesTheOnlyProjectOfTheFolder()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "App.csproj"), string.Empty);

        Assert.Equal(new ProjectTarget(Path.Combine(_folder.FullName, "App.csproj"), null), ProjectLocator.Resolve(null, _folder.FullName));
    }

    [Fact]
    public void FolderArgument_TakesTheOnlyProjectOfThatFolder()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_folder.FullName, "src"));
        File.WriteAllText(Path.Combine(sub.FullName, "Lib.csproj"), string.Empty);

        Assert.Equal(Path.Combine(sub.FullName, "Lib.csproj"), ProjectLocator.Resolve("src", _folder.FullName).ProjectPath);
    }

    [Fact]
    public void RelativeFileArgument_IsMadeFull()
    {
        Assert.Equal(new ProjectTarget(Path.Combine(_folder.FullName, "x", "A.csproj"), null), ProjectLocator.Resolve("x/A.csproj", _folder.FullName));
    }

    [Fact]
    public void TwoProjects_NamesThemAndAsksForOne()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "B.csproj"), string.Empty);
        File.WriteAllText(Path.Combine(_folder.FullName, "A.csproj"), string.Empty);

        var target = ProjectLocator.Resolve(null, _folder.FullName);

        Assert.Null(target.ProjectPath);
        Assert.Equal("2 .csproj files in the current folder (A.csproj, B.csproj); start the server with --project naming one of them", target.Problem);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
