using System.IO.Compression;
using System.Security.Cryptography;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>Same commit, same package: a full rebuild and re-pack gives byte-identical entries.</summary>
[Collection(PackageCollection.Name)]
public sealed class ReproduciblePackageTests(PackageFixture fixture)
{
    [Fact]
    public void Rebuilt_package_has_identical_entries()
    {
        var secondFeed = Path.Combine(fixture.WorkRoot, "feed-rebuilt");
        var rebuild = DotNet.Run(
            fixture.RepositoryRoot,
            ["build", fixture.PackageProject, "-c", "Release", "--no-incremental", .. DotNet.IsolatedBuildSwitches],
            TimeSpan.FromMinutes(10));
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        var pack = DotNet.Run(
            fixture.RepositoryRoot,
            ["pack", fixture.PackageProject, "-c", "Release", "-o", secondFeed, "--no-build", .. DotNet.IsolatedBuildSwitches],
            TimeSpan.FromMinutes(10));
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var first = Entries(fixture.PackagePath);
        var second = Entries(Directory.GetFiles(secondFeed, "*.nupkg").Single());

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hash) in first)
        {
            Assert.True(hash == second[name], name + " differs between two packs of the same commit");
        }
    }

    /// <summary>Entry name to SHA-256, leaving out the OPC parts NuGet names randomly on every pack.</summary>
    private static Dictionary<string, string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries
            .Where(e => !e.FullName.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.FullName != "_rels/.rels")
            .ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                return Convert.ToHexString(SHA256.HashData(stream));
            });
    }
}
