using System.Security;

namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>
/// A throwaway project that consumes the packed package from the temporary feed, the way a user's
/// project consumes it from nuget.org: a PackageReference, a NuGet.config, a .cs file and a
/// security_requirements.yaml.
/// </summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly PackageFixture _fixture;

    /// <param name="extraFeeds">More local feeds (folder, package id pattern), e.g. a policy package packed by the test.</param>
    public ConsumerProject(PackageFixture fixture, string name, params (string Folder, string Pattern)[] extraFeeds)
    {
        _fixture = fixture;
        Root = Path.Combine(fixture.ConsumersDirectory, name);
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        Directory.CreateDirectory(Root);
        WriteFile("NuGet.config", NuGetConfig(fixture, extraFeeds));
    }

    /// <summary>The consumer's root: NuGet.config lives here; the project may sit in a subfolder.</summary>
    public string Root { get; }

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public ConsumerProject WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Writes an SDK-style class library that references the package; <paramref name="properties"/> go into its PropertyGroup.</summary>
    public ConsumerProject WriteProject(string relativePath, string properties = "", string items = "") =>
        WriteFile(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="[{_fixture.PackageVersion}]" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);

    public BuildResult Build(string projectRelativePath, params string[] extraArguments)
    {
        var project = PathOf(projectRelativePath);
        var result = Run(["build", project, .. DotNet.IsolatedBuildSwitches, .. extraArguments]);
        return new BuildResult(result, MsBuildDiagnostic.ParseAll(result.Output), Path.GetDirectoryName(project)!);
    }

    /// <summary><c>dotnet build -t:&lt;target&gt;</c> on the project, as a person or an agent runs a package target.</summary>
    public ProcessResult BuildTarget(string projectRelativePath, string target) =>
        Run(["build", PathOf(projectRelativePath), "-t:" + target, .. DotNet.IsolatedBuildSwitches]);

    /// <summary><c>dotnet format analyzers</c> for <paramref name="diagnosticIds"/>, as CI and agents apply the code fixes.</summary>
    public ProcessResult FormatAnalyzers(string projectRelativePath, string severity, IEnumerable<string> diagnosticIds) =>
        Run(["format", "analyzers", PathOf(projectRelativePath), "--diagnostics", .. diagnosticIds, "--severity", severity]);

    /// <summary>A dotnet command in the consumer's folder, restoring into the fixture's package folder.</summary>
    public ProcessResult Run(IEnumerable<string> arguments) =>
        DotNet.Run(Root, arguments, BuildTimeout, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesDirectory });

    /// <summary>
    /// The test feed for our packages and the global packages folder the test project restored into for
    /// everything else: no remote source, so a consumer build never downloads (and fails loudly if it
    /// needs a package nobody restored).
    /// </summary>
    private static string NuGetConfig(PackageFixture fixture, (string Folder, string Pattern)[] extraFeeds) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{SecurityElement.Escape(fixture.PackagesDirectory)}" />
          </config>
          <packageSources>
            <clear />
            <add key="local" value="{SecurityElement.Escape(fixture.FeedDirectory)}" />
        {string.Concat(extraFeeds.Select((feed, i) => $"    <add key=\"extra{i}\" value=\"{SecurityElement.Escape(feed.Folder)}\" />\n"))}    <add key="restored" value="{SecurityElement.Escape(fixture.RestoredPackagesFolder)}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="SecurityRequirements.*" />
            </packageSource>
        {string.Concat(extraFeeds.Select((feed, i) => $"    <packageSource key=\"extra{i}\">\n      <package pattern=\"{SecurityElement.Escape(feed.Pattern)}\" />\n    </packageSource>\n"))}    <packageSource key="restored">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}

/// <summary>A finished consumer build: the process, its parsed diagnostics and the project's directory.</summary>
public sealed record BuildResult(ProcessResult Process, IReadOnlyList<MsBuildDiagnostic> Diagnostics, string ProjectDirectory)
{
    public bool Succeeded => Process.ExitCode == 0;

    public IReadOnlyList<MsBuildDiagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id).ToList();

    /// <summary>
    /// The compiler's view of the build properties and item metadata (the generated
    /// .editorconfig the analyzers read as build_property.* and build_metadata.*).
    /// </summary>
    public GeneratedEditorConfig ReadGeneratedEditorConfig()
    {
        var files = Directory.GetFiles(Path.Combine(ProjectDirectory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories);
        if (files.Length != 1)
        {
            throw new InvalidOperationException($"Expected one generated editorconfig under {ProjectDirectory}/obj, found {files.Length}.");
        }

        return GeneratedEditorConfig.Parse(File.ReadAllText(files[0]));
    }

    public override string ToString() => Process.ToString();
}
