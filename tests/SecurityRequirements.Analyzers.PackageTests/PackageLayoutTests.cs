using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>
/// What the nupkgs contain: an analyzer package with its build tasks and nothing else (no lib/, no
/// dependencies, no scripts), a dotnet tool package, and for both the metadata a feed needs to publish them.
/// </summary>
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
            "buildTransitive/SecurityRequirements.Analyzers.props",
            "buildTransitive/SecurityRequirements.Analyzers.targets",
            "buildMultiTargeting/SecurityRequirements.Analyzers.targets",
            // The compiled export and brief tasks and the library they share with the sra tool; nothing else
            // (MSBuild provides System.Reflection.Metadata), and nothing under analyzers/ that the compiler would load.
            "tasks/netstandard2.0/SecurityRequirements.Attestation.Tasks.dll",
            "tasks/netstandard2.0/SecurityRequirements.Attestation.dll",
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

    [Theory]
    [InlineData(PackageFixture.PackageId)]
    [InlineData(PackageFixture.ToolPackageId)]
    public void Every_package_has_the_metadata_to_publish_it_and_one_version(string id)
    {
        var path = id == PackageFixture.PackageId ? fixture.PackagePath : fixture.ToolPackagePath;
        using var package = ZipFile.OpenRead(path);
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        var license = Element("license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        // The help links of every rule point into this repository; the package says the same.
        const string Repository = "https://github.com/securityrequirements/SecurityRequirements.Analyzers";
        var helpLinks = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "src", "SecurityRequirements.Analyzers", "Diagnostics", "HelpLinks.cs"));
        Assert.Contains($"RulesBaseUri = \"{Repository}/blob/main/docs/rules/\"", helpLinks, StringComparison.Ordinal);
        Assert.Equal(Repository, Element("projectUrl")?.Value);
        Assert.Equal(Repository, Element("repository")?.Attribute("url")?.Value);
        Assert.Equal("git", Element("repository")?.Attribute("type")?.Value);
        // Release notes are the release tracking file's rules, without its comment lines.
        var notes = Element("releaseNotes")?.Value ?? string.Empty;
        Assert.Contains("SRA0001 | SecurityRequirements.File | Error |", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("\n;", notes, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Element("description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(Element("authors")?.Value));
        // One version source (src/Packaging.props) for both packages.
        Assert.Equal(fixture.PackageVersion, Element("version")?.Value);
        var prefix = XDocument.Load(Path.Combine(fixture.RepositoryRoot, "src", "Packaging.props")).Descendants("VersionPrefix").Single().Value;
        Assert.Equal(prefix, fixture.PackageVersion);
        Assert.Equal(fixture.PackageVersion, fixture.ToolPackageVersion);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_sra()
    {
        using var package = ZipFile.OpenRead(fixture.ToolPackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        using var nuspecStream = package.GetEntry(PackageFixture.ToolPackageId + ".nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        using var settingsStream = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settingsStream).Descendants("Command").Single();

        Assert.Equal("DotnetTool", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value);
        Assert.Equal("sra", command.Attribute("Name")?.Value);
        Assert.Equal("SecurityRequirements.Tool.dll", command.Attribute("EntryPoint")?.Value);
        Assert.Contains("tools/net10.0/any/SecurityRequirements.Attestation.dll", entries);
        Assert.Contains("tools/net10.0/any/SecurityRequirements.Analyzers.dll", entries);
        Assert.Contains("README.md", entries);
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
