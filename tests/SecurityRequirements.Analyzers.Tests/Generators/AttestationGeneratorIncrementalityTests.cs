using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>
/// The generator does no work on edits that change neither the YAML, the suppressions, the file
/// headers nor the severity options, and its step models hold no compilation objects
/// (after NetEscapades.EnumGenerators' TestHelpers).
/// </summary>
public class AttestationGeneratorIncrementalityTests
{
    private static readonly Type[] ForbiddenTypes =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(AdditionalText), typeof(Location), typeof(AnalyzerConfigOptionsProvider)];

    [Fact]
    public void RerunOnClonedCompilation_EveryStepCachedAndModelsHoldNoCompilationObjects()
    {
        var compilation = Sample();
        var driver = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            var before = first.TrackedSteps[name];
            var after = second.TrackedSteps[name];
            Assert.Equal(before.Length, after.Length);
            for (var i = 0; i < before.Length; i++)
            {
                Assert.Equal(before[i].Outputs.Select(o => o.Value), after[i].Outputs.Select(o => o.Value));
            }

            AssertReasons(second, name, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            foreach (var step in before)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertHoldsNoCompilationObjects(value, name);
                }
            }
        }

        AssertOutputReasons(second, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void EveryNamedStep_CarriesAReferenceType()
    {
        // A value type (a bool, a struct model) makes a fresh compiler process JIT the driver's generic state tables and
        // combine tuples again for it; reference types share code the compiler ships precompiled (docs/performance.md).
        var result = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml).RunGenerators(Sample()).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Assert.False(value.GetType().IsValueType, $"step {name} carries the value type {value.GetType().Name}");
                }
            }
        }
    }

    [Fact]
    public void UnrelatedCSharpEdit_LeavesManifestCachedAndProducesNoNewOutput()
    {
        var compilation = Sample();
        var driver = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml).RunGenerators(compilation);

        var edited = Edit(compilation, "Customer.cs", AttestationSamples.PlainSource.Replace("public string Name", "public int Age { get; set; }\n    public string Name", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.RequirementsFiles, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.Options, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.SourceFiles, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.SuppressMessageAttributes, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.CompilationFacts, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Manifest, IncrementalStepRunReason.Cached);
        AssertOutputReasons(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void BriefRequested_UnrelatedCSharpEdit_LeavesTheBriefCached()
    {
        var compilation = Sample();
        var globals = GeneratorHarness.Globals();
        globals[AttestationGenerator.BriefPropertyKey] = "true";
        var driver = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml, globals).RunGenerators(compilation);

        var edited = Edit(compilation, "Customer.cs", AttestationSamples.PlainSource.Replace("public string Name", "public int Age { get; set; }\n    public string Name", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.BriefRequested, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.Brief, IncrementalStepRunReason.Cached);
        Assert.Contains(result.GeneratedSources, s => s.HintName == AttestationGenerator.BriefHintName);
    }

    [Fact]
    public void YamlEdit_ModifiesRequirementsStepAndOutput()
    {
        var compilation = Sample();
        var yaml = new InMemoryAdditionalText(GeneratorHarness.YamlPath, AttestationSamples.FullYaml);
        var driver = GeneratorHarness.CreateDriver(null).AddAdditionalTexts([yaml]).RunGenerators(compilation);

        var changed = new InMemoryAdditionalText(GeneratorHarness.YamlPath, AttestationSamples.FullYaml.Replace("severity: info", "severity: error", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(yaml, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.RequirementsFiles, IncrementalStepRunReason.Modified);
        AssertReasons(result, TrackingNames.Manifest, IncrementalStepRunReason.Modified);
        AssertOutputReasons(result, IncrementalStepRunReason.Modified);
        Assert.Contains("\"severity\": \"error\"", Manifest(result), StringComparison.Ordinal);
    }

    [Fact]
    public void NewPragmaSuppression_ModifiesManifest()
    {
        var compilation = Sample();
        var driver = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml).RunGenerators(compilation);

        var edited = Edit(compilation, "Customer.cs", "#pragma warning disable SRA1002 // fixed-size tags are checked by the protocol\n" + AttestationSamples.PlainSource);
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.Manifest, IncrementalStepRunReason.Modified);
        AssertOutputReasons(result, IncrementalStepRunReason.Modified);
        Assert.Contains("\"justification\": \"fixed-size tags are checked by the protocol\"", Manifest(result), StringComparison.Ordinal);
    }

    [Fact]
    public void NewSuppressMessageAttribute_ModifiesManifest()
    {
        var compilation = Sample();
        var driver = GeneratorHarness.CreateDriver(AttestationSamples.FullYaml).RunGenerators(compilation);

        var edited = Edit(compilation, "Customer.cs", AttestationSamples.PlainSource.Replace(
            "public sealed class Customer",
            "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"SecurityRequirements.Bans\", \"SRA9001\", Justification = \"test double\")]\npublic sealed class Customer",
            StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.SuppressMessageAttributes, IncrementalStepRunReason.New, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Manifest, IncrementalStepRunReason.Modified);
        Assert.Contains("\"justification\": \"test double\"", Manifest(result), StringComparison.Ordinal);
    }

    private static CSharpCompilation Sample() => GeneratorHarness.Compile(
        ("Hashing.cs", AttestationSamples.PragmaSource),
        ("Legacy/Legacy.cs", AttestationSamples.AttributeSource),
        ("Customer.cs", AttestationSamples.PlainSource));

    private static Compilation Edit(Compilation compilation, string relativePath, string newSource)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.ProjectDirectory + "/" + relativePath);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newSource, GeneratorHarness.ParseOptions, path: old.FilePath));
    }

    private static string Manifest(GeneratorRunResult result) =>
        ((AttestationOutput)result.TrackedSteps[TrackingNames.Manifest].Single().Outputs.Single().Value).ManifestJson;

    private static void AssertReasons(GeneratorRunResult result, string stepName, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(stepName, out var steps), $"Step {stepName} did not run.");
        foreach (var step in steps)
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.True(allowed.Contains(reason), $"Step {stepName} output was {reason}; expected {string.Join(" or ", allowed)}.");
            }
        }
    }

    private static void AssertOutputReasons(GeneratorRunResult result, IncrementalStepRunReason expected)
    {
        // The requirements brief's output is left out: no brief was asked for, so it emits nothing whatever the input.
        foreach (var step in result.TrackedOutputSteps.SelectMany(s => s.Value).Where(s => s.Inputs.All(i => i.Source.Name != TrackingNames.Brief)))
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.Equal(expected, reason);
            }
        }
    }

    private static void AssertHoldsNoCompilationObjects(object? value, string stepName)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(value);

        void Walk(object? node)
        {
            if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !visited.Add(node))
            {
                return;
            }

            var type = node.GetType();
            Assert.False(ForbiddenTypes.Any(t => t.IsAssignableFrom(type)), $"Step {stepName} holds a {type.FullName}.");
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(node)!)
            {
                return;
            }

            if (node is IEnumerable items)
            {
                foreach (var item in items)
                {
                    Walk(item);
                }

                return;
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    Walk(field.GetValue(node));
                }
            }
        }
    }
}
