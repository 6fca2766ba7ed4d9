using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>
/// The generated source and manifest JSON against reviewed golden files in Golden/.
/// Refresh them with SRA_WRITE_GOLDEN=1 after an intended change, and review the diff.
/// </summary>
public class AttestationGeneratorGoldenTests
{
    [Fact]
    public void NoRequirementsFile_AttestsBaseline()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("Customer.cs", AttestationSamples.PlainSource)), yaml: null);

        GeneratorHarness.AssertGolden("Baseline.g.cs.txt", run.Source);
    }

    [Fact]
    public async Task ShippedGenerator_SourceCompilesAgainstNet80()
    {
        // The harness creates the generator with its public constructor: the real rule table and version.
        var compilation = GeneratorHarness.Compile(("Customer.cs", AttestationSamples.PlainSource)).WithAssemblyName("TestProject");
        var run = GeneratorHarness.Run(compilation, yaml: null, generator: new AttestationGenerator());
        Assert.Contains("\"version\": \"" + ManifestBuilder.PackageVersion + "\"", run.Json, StringComparison.Ordinal);
        var expected = run.Source;
        var test = new GeneratorTest
        {
            TestState =
            {
                Sources = { ("/repo/app/Customer.cs", AttestationSamples.PlainSource) },
                AnalyzerConfigFiles =
                {
                    ("/.globalconfig", $"is_global = true\nbuild_property.MSBuildProjectDirectory = {GeneratorHarness.ProjectDirectory}\nbuild_property.SecurityRequirementsToday = {GeneratorHarness.Today}\nbuild_property.SecurityRequirementsAnalyzersRun = true\n"),
                },
                GeneratedSources = { (typeof(AttestationGenerator), AttestationGenerator.HintName, expected) },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public void PlainPolicyFile_InfersChecksAndListsUnverifiedControl()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(("Customer.cs", AttestationSamples.PlainSource)), AttestationSamples.PlainYaml);

        GeneratorHarness.AssertGolden("Plain.json", run.Json);
    }

    [Fact]
    public void FullPolicyWithSuppressions_MatchesGoldenSourceAndJson()
    {
        var compilation = GeneratorHarness.Compile(
            ("Hashing.cs", AttestationSamples.PragmaSource),
            ("Legacy/Legacy.cs", AttestationSamples.AttributeSource),
            ("Customer.cs", AttestationSamples.PlainSource));

        var run = GeneratorHarness.Run(compilation, AttestationSamples.FullYaml);

        GeneratorHarness.AssertGolden("Full.json", run.Json);
        GeneratorHarness.AssertGolden("Full.g.cs.txt", run.Source);
    }

    private sealed class GeneratorTest : CSharpSourceGeneratorTest<AttestationGenerator, DefaultVerifier>
    {
        public GeneratorTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        }
    }
}
