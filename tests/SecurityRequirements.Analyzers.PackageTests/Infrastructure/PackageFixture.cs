using System.Reflection;

namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>
/// Packs the repository's packages (the analyzer package and the sra tool) once per test run into a
/// temporary feed. Consumers restore them into a package folder of this run only, so a re-pack of the
/// same version is never shadowed by a copy cached by an earlier run.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "SecurityRequirements.Analyzers";
    public const string ToolPackageId = "SecurityRequirements.Tool";

    private readonly Lazy<string> _sra;

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    public PackageFixture()
    {
        RepositoryRoot = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        PackageProject = Path.Combine(RepositoryRoot, "nuget", PackageId, PackageId + ".Package.csproj");
        ToolProject = Path.Combine(RepositoryRoot, "src", ToolPackageId, ToolPackageId + ".csproj");
        RestoredPackagesFolder = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;

        WorkRoot = Path.Combine(Path.GetTempPath(), "sra-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        PackagesDirectory = Path.Combine(WorkRoot, "packages");
        ConsumersDirectory = Path.Combine(WorkRoot, "consumers");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        // Consumers live under WorkRoot: stop MSBuild from importing whatever lies above the temp folder.
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(
            Path.Combine(WorkRoot, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");

        PackResult = Pack(PackageProject);
        ToolPackResult = Pack(ToolProject);

        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var analyzer = packages.Where(p => p!.StartsWith(PackageId + ".", StringComparison.Ordinal) && char.IsDigit(p[PackageId.Length + 1])).ToList();
        var tool = packages.Where(p => p!.StartsWith(ToolPackageId + ".", StringComparison.Ordinal)).ToList();
        if (packages.Count != 2 || analyzer.Count != 1 || tool.Count != 1)
        {
            throw new InvalidOperationException($"Expected one {PackageId}.<version>.nupkg and one {ToolPackageId}.<version>.nupkg in {FeedDirectory}, found: {string.Join(", ", packages)}");
        }

        PackagePath = Path.Combine(FeedDirectory, analyzer[0]!);
        PackageVersion = Path.GetFileNameWithoutExtension(PackagePath)[(PackageId.Length + 1)..];
        ToolPackagePath = Path.Combine(FeedDirectory, tool[0]!);
        ToolPackageVersion = Path.GetFileNameWithoutExtension(ToolPackagePath)[(ToolPackageId.Length + 1)..];
        _sra = new Lazy<string>(InstallTool);
    }

    public string RepositoryRoot { get; }

    public string PackageProject { get; }

    public string ToolProject { get; }

    /// <summary>The global packages folder the test project restored into (consumers' only source besides the feed).</summary>
    public string RestoredPackagesFolder { get; }

    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    /// <summary>The globalPackagesFolder (NUGET_PACKAGES) of every consumer build of this run.</summary>
    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    public string PackageVersion { get; }

    public ProcessResult ToolPackResult { get; }

    public string ToolPackagePath { get; }

    public string ToolPackageVersion { get; }

    /// <summary>The <c>sra</c> command installed from the feed with <c>dotnet tool install --tool-path</c> (once per run).</summary>
    public string Sra => _sra.Value;

    /// <summary>Runs the installed <c>sra</c> in <paramref name="workingDirectory"/>.</summary>
    public ProcessResult RunSra(string workingDirectory, params string[] arguments) =>
        DotNet.RunProgram(Sra, "sra", workingDirectory, arguments, PackTimeout, SraEnvironment());

    /// <summary>What the installed tool's launcher needs in its environment.</summary>
    public Dictionary<string, string> SraEnvironment()
    {
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed where it looks by default.
        var environment = new Dictionary<string, string>();
        if (Path.IsPathRooted(DotNet.Executable))
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(DotNet.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? DotNet.Executable)!;
        }

        return environment;
    }

    private ProcessResult Pack(string project)
    {
        var result = DotNet.Run(
            RepositoryRoot,
            ["pack", project, "-c", "Release", "-o", FeedDirectory, .. DotNet.IsolatedBuildSwitches],
            PackTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed.\n" + result);
        }

        return result;
    }

    /// <summary>What a team does: dotnet tool install from a feed; here the test feed, through a config without remote sources.</summary>
    private string InstallTool()
    {
        var installer = new ConsumerProject(this, "tool-install");
        var toolPath = Path.Combine(WorkRoot, "tools");
        var install = installer.Run(["tool", "install", ToolPackageId, "--tool-path", toolPath, "--version", ToolPackageVersion, "--configfile", installer.PathOf("NuGet.config")]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install failed.\n" + install);
        }

        var sra = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "sra.exe" : "sra");
        return File.Exists(sra) ? sra : throw new InvalidOperationException($"dotnet tool install did not create {sra}.\n{install}");
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SRA_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}
