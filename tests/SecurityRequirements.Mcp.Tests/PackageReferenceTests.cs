using SecurityRequirements.Mcp.Tests.Infrastructure;

namespace SecurityRequirements.Mcp.Tests;

/// <summary>
/// A project that references the analyzer package: the server runs its own copy of the analyzers instead of the
/// project's (so each diagnostic is reported once) and says the build enforces the requirements. The package's
/// analyzer and requirements file are given as its build files give them (Analyzer and AdditionalFiles items).
/// </summary>
public sealed class PackageReferenceTests
{
    [Fact]
    public async Task ProjectWithTheAnalyzer_ReportsEachDiagnosticOnceAndSaysItIsEnforced()
    {
        var bin = Path.GetDirectoryName(typeof(PackageReferenceTests).Assembly.Location)!;
        var projectFile = TestProject.ProjectFile.Replace("</Project>", $"""
              <ItemGroup>
                <Analyzer Include="{Path.Combine(bin, "SecurityRequirements.Analyzers.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "YamlDotNet.dll")}" />
                <AdditionalFiles Include="security_requirements.yaml" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal);
        using var project = TestProject.Create(projectFile: projectFile);
        await using var server = await ServerSession.StartAsync(project.ProjectPath, project.Root);

        var check = await server.CallAsync("check", ServerSession.Files((Samples.LegacyVaultPath, Samples.LegacyVault)));
        var brief = await server.CallTextAsync("requirements");

        var diagnostic = Assert.Single(check.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("SRA1001", "error"), (diagnostic.GetProperty("id").GetString(), diagnostic.GetProperty("severity").GetString()));
        Assert.Empty(check.GetProperty("notes").EnumerateArray());
        Assert.Contains("The project references SecurityRequirements.Analyzers: its build enforces these controls.", brief, StringComparison.Ordinal);
    }
}
