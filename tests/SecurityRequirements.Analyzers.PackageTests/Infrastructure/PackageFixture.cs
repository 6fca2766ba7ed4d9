using System.Reflection;

namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>
/// Packs the repository's package once per test run into a temporary feed. Consumers restore it
/// into a package folder of this run only, so a re-pack of the same version is never shadowed by
/// a copy cached by an earlier run.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "SecurityRequirements.Analyzers";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    public PackageFixture()
    {
        RepositoryRoot = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        PackageProject = Path.Combine(RepositoryRoot, "nuget", PackageId, PackageId + ".Package.csproj");

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

        PackResult = DotNet.Run(
            RepositoryRoot,
            ["pack", PackageProject, "-c", "Release", "-o", FeedDirectory, .. DotNet.IsolatedBuildSwitches],
            PackTimeout);
        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed.\n" + PackResult);
        }

        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
        if (packages.Length != 1 || !Path.GetFileName(packages[0]).StartsWith(PackageId + ".", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected exactly one {PackageId}.<version>.nupkg in {FeedDirectory}, found: {string.Join(", ", packages.Select(Path.GetFileName))}");
        }

        PackagePath = packages[0];
        PackageVersion = Path.GetFileNameWithoutExtension(PackagePath)[(PackageId.Length + 1)..];
    }

    public string RepositoryRoot { get; }

    public string PackageProject { get; }

    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    /// <summary>The globalPackagesFolder (NUGET_PACKAGES) of every consumer build of this run.</summary>
    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    public string PackageVersion { get; }

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
