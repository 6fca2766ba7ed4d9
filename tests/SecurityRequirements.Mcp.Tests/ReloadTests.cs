using SecurityRequirements.Mcp.Tests.Infrastructure;

namespace SecurityRequirements.Mcp.Tests;

/// <summary>The server stays up across calls and follows the project: edited files are read again, a changed YAML or project file reloads it.</summary>
public sealed class ReloadTests
{
    [Fact]
    public async Task RequirementsFileChanged_NextCheckUsesTheNewSeverity()
    {
        using var project = TestProject.Create();
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);
        var before = await server.CallAsync("check", ServerSession.Files((Samples.LegacyVaultPath, Samples.LegacyVault)));
        Assert.Equal("error", before.GetProperty("diagnostics")[0].GetProperty("severity").GetString());

        project.Write("security_requirements.yaml", TestProject.RequirementsAtError.Replace("severity: error", "severity: info", StringComparison.Ordinal));
        var after = await server.CallAsync("check", ServerSession.Files((Samples.LegacyVaultPath, Samples.LegacyVault)));

        Assert.Equal("info", after.GetProperty("diagnostics")[0].GetProperty("severity").GetString());
        Assert.Contains("reloading: 'security_requirements.yaml' changed", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectFileChanged_NextCheckSeesTheNewBuildSettings()
    {
        using var project = TestProject.Create();
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);
        const string usesSymbol = "namespace App;\n\npublic static class Flags\n{\n#if AUDITED\n    public const bool Audited = true;\n#endif\n    public static bool Read() => Audited;\n}\n";
        var before = await server.CallAsync("check", ServerSession.Files(("Flags.cs", usesSymbol)));
        Assert.Equal("CS0103", before.GetProperty("compilerErrors")[0].GetProperty("id").GetString());

        project.Write("App.csproj", TestProject.ProjectFile.Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <DefineConstants>$(DefineConstants);AUDITED</DefineConstants>", StringComparison.Ordinal));
        var after = await server.CallAsync("check", ServerSession.Files(("Flags.cs", usesSymbol)));

        Assert.Empty(after.GetProperty("compilerErrors").EnumerateArray());
        Assert.Contains("reloading: 'App.csproj' changed", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileEditedOnDisk_IsReadAgainWithoutAReload()
    {
        using var project = TestProject.Create(files: ("Keys.cs", "namespace App;\n\npublic static class Keys\n{\n    public static byte[] Current() => new byte[32];\n}\n"));
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);
        const string caller = "namespace App;\n\npublic static class Caller\n{\n    public static byte[] Key() => Keys.Current();\n}\n";
        var before = await server.CallAsync("check", ServerSession.Files(("Caller.cs", caller)));
        Assert.Empty(before.GetProperty("compilerErrors").EnumerateArray());

        project.Write("Keys.cs", "namespace App;\n\npublic static class Keys\n{\n    public static byte[] Next() => new byte[32];\n}\n");
        File.SetLastWriteTimeUtc(Path.Combine(project.Root, "Keys.cs"), DateTime.UtcNow.AddSeconds(5));
        var after = await server.CallAsync("check", ServerSession.Files(("Caller.cs", caller)));

        var error = Assert.Single(after.GetProperty("compilerErrors").EnumerateArray());
        Assert.Equal("CS0117", error.GetProperty("id").GetString());
        Assert.Contains("read 1 edited file(s) again", server.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("reloading", server.Log, StringComparison.Ordinal);
    }
}
