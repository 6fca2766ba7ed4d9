using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// The Noncompliant sample through every fix (as <c>dotnet format analyzers</c> applies them), then its own round-trip
/// check (<c>RoundTrip.Run</c>, what <c>dotnet run -- --round-trip</c> prints): it passed before the fixes and must pass after.
/// The package test does the same with the real <c>dotnet format</c> and <c>dotnet run</c>.
/// </summary>
public class NoncompliantSampleRoundTripTests
{
    private const string Harness = """
        public static class Harness
        {
            public static string Run()
            {
                var output = new System.IO.StringWriter();
                var console = System.Console.Out;
                System.Console.SetOut(output);
                try
                {
                    var exitCode = Samples.Noncompliant.RoundTrip.Run();
                    return output + "exit code " + exitCode;
                }
                finally
                {
                    System.Console.SetOut(console);
                }
            }
        }
        """;

    private static string SampleDirectory => Path.Combine(RepositoryPaths.Root, "samples", "Noncompliant");

    /// <summary>The sample's files but Program.cs, whose top-level statements need an executable.</summary>
    private static (string Name, string Text)[] Sources => Directory.GetFiles(SampleDirectory, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && Path.GetFileName(f) != "Program.cs")
        .Order(StringComparer.Ordinal)
        .Select(f => (Path.GetRelativePath(SampleDirectory, f).Replace('\\', '/'), File.ReadAllText(f)))
        .ToArray();

    private static string Yaml => File.ReadAllText(Path.Combine(SampleDirectory, "security_requirements.yaml"));

    private static IEnumerable<ISourceGenerator> LoggerMessageGenerator =>
        [((IIncrementalGenerator)Activator.CreateInstance(PiiAuditFixTest.LoggerMessageGenerator.Value)!).AsSourceGenerator()];

    [Fact]
    public async Task BeforeTheFixes_TheRoundTripPasses()
    {
        var project = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, [], LoggerMessageGenerator, Sources);

        var output = await project.RunAsync(RuntimeReferences.AspNetCore, Harness);

        Assert.Equal(
            """
            ok   AES-CBC sealed, opened by the legacy reader
            ok   AES-GCM sealed with a 12-byte tag, opened
            OAuth UsePkce: False
            round trip: OK
            exit code 0
            """.ReplaceLineEndings(), output.ReplaceLineEndings());
    }

    [Fact]
    public async Task AfterEveryFix_TheRoundTripStillPasses_WithA16ByteTagPkceAndACompleteAuditLine()
    {
        var project = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, Yaml, Fixers.All, LoggerMessageGenerator, Sources);

        var output = await project.RunAsync(RuntimeReferences.AspNetCore, Harness);

        Assert.Equal(
            """
            ok   AES-CBC sealed, opened by the legacy reader
            ok   AES-GCM sealed with a 16-byte tag, opened
            OAuth UsePkce: True
            audit: PII access: UserId=user-42 Action=read Patient.FullName in PatientRecords.Greeting IpAddress=203.0.113.7
            round trip: OK
            exit code 0
            """.ReplaceLineEndings(), output.ReplaceLineEndings());
        await DeadCipherSettings.AssertNoneAsync(project.Project);
    }
}
