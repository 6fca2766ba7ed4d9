using SecurityRequirements.Analyzers.Tests.Generators;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>The attestation is byte-identical across independent, concurrent generator runs over the same inputs.</summary>
public class GeneratorDeterminismTests
{
    [Fact]
    public async Task ParallelRuns_ProduceIdenticalSource()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            // Files in a different order each time: the output must not depend on it.
            var files = new[]
            {
                ("/repo/app/Pragma.cs", AttestationSamples.PragmaSource),
                ("/repo/app/Attributes.cs", AttestationSamples.AttributeSource),
                ("/repo/app/Plain.cs", AttestationSamples.PlainSource),
            };
            var ordered = i % 2 == 0 ? files : files.Reverse().ToArray();
            return GeneratorHarness.Run(GeneratorHarness.Compile(ordered), AttestationSamples.FullYaml).Source;
        })));

        Assert.All(runs, run => Assert.Equal(runs[0], run));
        Assert.Contains("SRA9001", runs[0], StringComparison.Ordinal);
    }
}
