using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>What the nupkg contains: an analyzer package and nothing else (no lib/, no dependencies, no scripts).</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture, ITestOutputHelper output)
{
    // Parts every nupkg has, whatever it packs.
    private static readonly string[] OpcParts = ["_rels/.rels", "[Content_Types].xml"];

    [Fact]
    public void Package_contains_exactly_the_analyzer_layout()
    {
        output.WriteLine($"{fixture.PackResult.CommandLine}: {fixture.PackResult.Duration.TotalSeconds:F1} s");
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        var entries = package.Entries.Select(e => e.FullName)
            .Where(name => !OpcParts.Contains(name) && !name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = new List<string>
        {
            "SecurityRequirements.Analyzers.nuspec",
            "analyzers/dotnet/cs/SecurityRequirements.Analyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/SecurityRequirements.Analyzers.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/SecurityRequirements.Analyzers.props",
            "build/SecurityRequirements.Analyzers.targets",
            "build/SecurityRequirements.Attestation.Export.cs",
            "buildTransitive/SecurityRequirements.Analyzers.props",
            "buildTransitive/SecurityRequirements.Analyzers.targets",
            "buildMultiTargeting/SecurityRequirements.Analyzers.targets",
        };
        if (File.Exists(Path.Combine(fixture.RepositoryRoot, "README.md")))
        {
            expected.Add("README.md");
        }

        if (File.Exists(Path.Combine(fixture.RepositoryRoot, "src", "SecurityRequirements.Analyzers", "Resources", "security_requirements.schema.json")))
        {
            expected.Add("schema/security_requirements.schema.json");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_declares_a_development_dependency_without_dependencies()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        using var stream = package.GetEntry("SecurityRequirements.Analyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(fixture.PackageVersion, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.Equal(File.Exists(Path.Combine(fixture.RepositoryRoot, "README.md")) ? "README.md" : null, Value("readme"));
    }

    [Fact]
    public void Build_transitive_files_only_import_the_build_files()
    {
        using var package = ZipFile.OpenRead(fixture.PackagePath);
        foreach (var extension in new[] { "props", "targets" })
        {
            using var stream = package.GetEntry($"buildTransitive/SecurityRequirements.Analyzers.{extension}")!.Open();
            var project = XDocument.Load(stream).Root!;
            var import = Assert.Single(project.Elements());
            Assert.Equal("Import", import.Name.LocalName);
            Assert.Equal($"$(MSBuildThisFileDirectory)../build/SecurityRequirements.Analyzers.{extension}", import.Attribute("Project")?.Value);
        }
    }

    [Fact]
    public void YamlDotNet_is_the_netstandard2_0_asset_of_the_pinned_version()
    {
        var pinned = XDocument.Load(Path.Combine(fixture.RepositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => e.Attribute("Include")?.Value == "YamlDotNet").Attribute("Version")!.Value;

        // Where the pack project's restore put YamlDotNet: the first package folder of its assets file.
        var assetsFile = Path.Combine(Path.GetDirectoryName(fixture.PackageProject)!, "obj", "project.assets.json");
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var expected = Path.Combine(packageFolder, "yamldotnet", pinned.ToLowerInvariant(), "lib", "netstandard2.0", "YamlDotNet.dll");

        using var package = ZipFile.OpenRead(fixture.PackagePath);
        using var packed = new MemoryStream();
        using (var stream = package.GetEntry("analyzers/dotnet/cs/YamlDotNet.dll")!.Open())
        {
            stream.CopyTo(packed);
        }

        Assert.True(File.Exists(expected), expected);
        Assert.Equal(File.ReadAllBytes(expected), packed.ToArray());
    }
}
