using System.Collections.Immutable;
using System.IO.Compression;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference sets test code compiles against, from the test project's own restore: each set is a
/// project in tests/ReferenceSets whose resolved compile references the build writes to
/// test-reference-sets.txt. A set is handed to the Roslyn test harness as a <see cref="ReferenceAssemblies"/>
/// that resolves exactly those files and never asks a package source.
/// </summary>
/// <remarks>
/// The harness resolves a <see cref="ReferenceAssemblies"/> through NuGet: it needs a reference-assembly
/// package it can find installed, then looks each assembly name up under that package's folder with
/// <see cref="Path.Combine(string, string, string)"/>, which returns an absolute name unchanged. So each
/// set names an empty local anchor package (written into the harness's package folder on first use) and
/// lists its assemblies by absolute path; the NuGet config it is given has no source at all, so a
/// missing file fails the test instead of starting a download. ReferenceSetTests pins this behaviour.
/// </remarks>
public static class TestReferences
{
    public const string SetsFileName = "test-reference-sets.txt";

    private const string AnchorId = "SecurityRequirements.TestReferences";
    private const string AnchorVersion = "1.0.0";

    private static readonly Lazy<IReadOnlyDictionary<string, ImmutableArray<string>>> Sets = new(() => ReadSets("reference"));
    private static readonly Lazy<IReadOnlyDictionary<string, ImmutableArray<string>>> AnalyzerSets = new(() => ReadSets("analyzer"));
    private static readonly Lazy<string> OfflineNuGetConfig = new(PrepareAnchor);

    /// <summary>The .NET 8 reference assemblies (the targeting pack the SDK picks), with no package.</summary>
    public static ReferenceAssemblies Net80 { get; } = Get("Net80");

    /// <summary>The names of every set the build resolved.</summary>
    public static IEnumerable<string> Names => Sets.Value.Keys;

    /// <summary>The absolute paths of the assemblies of <paramref name="set"/> (a project name under tests/ReferenceSets).</summary>
    public static ImmutableArray<string> Files(string set) =>
        Sets.Value.TryGetValue(set, out var files)
            ? files
            : throw new ArgumentException($"No reference set '{set}': add tests/ReferenceSets/{set}.csproj and rebuild the test project.", nameof(set));

    /// <summary>The analyzers and source generators the packages of <paramref name="set"/> bring, as the SDK picks them for its compiler.</summary>
    public static ImmutableArray<string> Analyzers(string set)
    {
        _ = Files(set);
        return AnalyzerSets.Value.TryGetValue(set, out var files) ? files : [];
    }

    /// <summary>The one analyzer assembly of <paramref name="set"/> with this file name.</summary>
    public static string Analyzer(string set, string fileName) =>
        Analyzers(set).SingleOrDefault(path => string.Equals(Path.GetFileName(path), fileName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Reference set '{set}' brings no analyzer {fileName}.", nameof(fileName));

    /// <summary>The set as the harness's <see cref="ReferenceAssemblies"/>; the same instance for the same set.</summary>
    public static ReferenceAssemblies Get(string set)
    {
        var files = Files(set);
        return new ReferenceAssemblies("net8.0", new PackageIdentity(AnchorId, AnchorVersion), referenceAssemblyPath: string.Empty)
            .AddAssemblies(files.Select(f => f[..^Path.GetExtension(f).Length]).ToImmutableArray())
            .WithNuGetConfigFilePath(OfflineNuGetConfig.Value);
    }

    private static IReadOnlyDictionary<string, ImmutableArray<string>> ReadSets(string kind)
    {
        var path = Path.Combine(AppContext.BaseDirectory, SetsFileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build the test project (it resolves tests/ReferenceSets when it builds).");
        }

        // One line per file: set|reference or analyzer|absolute path.
        return File.ReadAllLines(path)
            .Select(line => line.Split('|', 3))
            .Where(parts => parts.Length == 3 && parts[1] == kind)
            .GroupBy(parts => parts[0], parts => parts[2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Writes the anchor package where the harness looks for installed packages, and a NuGet config with no source.</summary>
    private static string PrepareAnchor()
    {
        var folder = Path.Combine(Path.GetTempPath(), "test-packages", $"{AnchorId}.{AnchorVersion}");
        Directory.CreateDirectory(folder);
        var nuspec = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{AnchorId}</id>
                <version>{AnchorVersion}</version>
                <authors>SecurityRequirements.Analyzers tests</authors>
                <description>Empty anchor: the reference sets' assemblies come from the test project's restore.</description>
              </metadata>
            </package>
            """;
        WriteIfDifferent(Path.Combine(folder, AnchorId + ".nuspec"), nuspec);

        var nupkg = Path.Combine(folder, $"{AnchorId}.{AnchorVersion}.nupkg");
        if (!File.Exists(nupkg))
        {
            var temporary = nupkg + "." + Environment.ProcessId + ".tmp";
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                using var writer = new StreamWriter(zip.CreateEntry(AnchorId + ".nuspec").Open());
                writer.Write(nuspec);
            }

            File.Move(temporary, nupkg, overwrite: true);
        }

        var config = Path.Combine(AppContext.BaseDirectory, "test-references.nuget.config");
        WriteIfDifferent(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        return config;
    }

    private static void WriteIfDifferent(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
