using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>
/// Runs the attestation generator over in-memory sources with a fixed rule table and version, so
/// that golden files do not change each time a rule is added to the package.
/// </summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/repo/app";
    public const string YamlPath = ProjectDirectory + "/security_requirements.yaml";
    public const string Today = "2026-06-01";
    public const string Version = "1.2.3-test";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<string> FixedRules(CheckKind check) => check switch
    {
        CheckKind.Encryption => ["SRA1001", "SRA1002"],
        CheckKind.OAuthPkce => ["SRA2001"],
        CheckKind.PiiAudit => ["SRA3001"],
        CheckKind.Banned => ["SRA9001", "SRA9002"],
        _ => [],
    };

    public static AttestationGenerator CreateGenerator() => new(FixedRules, Version);

    public static Dictionary<string, string> Globals(string? markers = null)
    {
        var globals = new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
            ["build_property.SecurityRequirementsToday"] = Today,
            ["build_property.SecurityRequirementsAnalyzersRun"] = "true",
        };
        if (markers is not null)
        {
            globals["build_property.SecurityRequirementsAiMarkers"] = markers;
        }

        return globals;
    }

    public static CSharpCompilation Compile(params (string Path, string Source)[] files) =>
        AnalyzerRunner.Compile().RemoveAllSyntaxTrees().AddSyntaxTrees(
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: ProjectDirectory + "/" + f.Path)));

    public static GeneratorDriver CreateDriver(string? yaml, Dictionary<string, string>? globals = null, IIncrementalGenerator? generator = null, Func<string, IReadOnlyDictionary<string, string>?>? perFile = null)
    {
        var additional = yaml is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(YamlPath, yaml));
        return CSharpGeneratorDriver.Create(
            [(generator ?? CreateGenerator()).AsSourceGenerator()],
            additional,
            ParseOptions,
            new TestOptionsProvider(globals ?? Globals(), perFile),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator; asserts the generated source compiles cleanly and returns it.</summary>
    public static GeneratorRun Run(Compilation compilation, string? yaml, Dictionary<string, string>? globals = null, IIncrementalGenerator? generator = null, Func<string, IReadOnlyDictionary<string, string>?>? perFile = null)
    {
        var driver = CreateDriver(yaml, globals, generator, perFile).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var result = driver.GetRunResult().Results.Single();
        var source = Assert.Single(result.GeneratedSources);
        Assert.Equal(AttestationGenerator.HintName, source.HintName);
        var attestation = (AttestationOutput)result.TrackedSteps[TrackingNames.Manifest].Single().Outputs.Single().Value;
        return new GeneratorRun(source.SourceText.ToString(), attestation.ManifestJson, attestation);
    }

    /// <summary>Compares with a file under Golden/; SRA_WRITE_GOLDEN=1 rewrites the file instead.</summary>
    public static void AssertGolden(string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", fileName);
        if (Environment.GetEnvironmentVariable("SRA_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests once with SRA_WRITE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
