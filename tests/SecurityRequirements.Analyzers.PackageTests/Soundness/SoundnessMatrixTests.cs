using System.Text.Json;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;
using static SecurityRequirements.Analyzers.PackageTests.Soundness.PlantedViolations;

namespace SecurityRequirements.Analyzers.PackageTests.Soundness;

/// <summary>
/// The attestation never claims more than the build enforced. For each switch, a real consumer of the packed package
/// with one planted violation per check under controls at severity error is built with <c>dotnet build</c>. For every
/// control, either the build fails on its violation, or the attestation does not vouch for it and names the reason
/// (or the violation sits under a waiver or suppression the attestation lists). Where some violations fail the build
/// and others do not, the failing ones are removed and the project built again, so the attestation of the others can
/// be read.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SoundnessMatrixTests(PackageFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames() => new(SoundnessCases.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PlantedViolation_FailsTheBuild_OrTheAttestationDoesNotVouchForIt(string name)
    {
        var @case = SoundnessCases.Cases.Single(c => c.Name == name);
        var consumer = new ConsumerProject(fixture, "soundness-" + name);
        @case.Arrange(consumer);

        var build = Build(consumer, @case);
        var failed = Controls.Where(c => build.Diagnostics.Any(d => d.Id == RuleOf[c] && d.Severity == "error")).ToArray();
        Assert.True(@case.Failing.Order().SequenceEqual(failed.Order()), $"expected the build to fail on [{string.Join(", ", @case.Failing)}], it failed on [{string.Join(", ", failed)}]\n{build}");

        if (@case.Reasons.Count == 0)
        {
            Assert.False(build.Succeeded);
            return;
        }

        if (failed.Length > 0)
        {
            // Remove what already failed the build, so the attestation of the rest can be read.
            foreach (var control in failed)
            {
                foreach (var file in Directory.GetFiles(consumer.Root, Path.GetFileName(FileOf[control]).Replace(".cs", "*", StringComparison.Ordinal), SearchOption.AllDirectories))
                {
                    File.Delete(file);
                }
            }

            build = Build(consumer, @case);
        }

        Assert.True(build.Succeeded, build.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(consumer.PathOf("bin/Debug/net10.0/app.security-attestation.json")));
        var root = manifest.RootElement;
        var verdict = root.GetProperty("verdict").GetString()!;
        foreach (var (control, reason) in @case.Reasons)
        {
            var entry = root.GetProperty("controls").EnumerateArray().SingleOrDefault(c => c.GetProperty("id").GetString() == control);
            if (reason == SoundnessCase.NotApplied)
            {
                // The project's policy could not be used: its controls are not what the build applied, and the attestation says why.
                Assert.Equal("baseline", root.GetProperty("requirements").GetProperty("source").GetString());
                Assert.NotEmpty(root.GetProperty("requirements").GetProperty("problems").EnumerateArray());
                Assert.Contains(build.Diagnostics, d => d.Id == "SRA0020");
                Assert.True(entry.ValueKind == JsonValueKind.Undefined || !entry.GetProperty("vouched").GetBoolean(), control + " is vouched for");
                continue;
            }

            Assert.NotEqual(JsonValueKind.Undefined, entry.ValueKind);
            if (reason == SoundnessCase.Covered)
            {
                var waived = root.GetProperty("waivers").EnumerateArray().Any(w => w.GetProperty("control").GetString() == control && w.GetProperty("active").GetBoolean());
                var suppressed = root.GetProperty("suppressions").EnumerateArray().Any(s => s.GetProperty("id").GetString() == RuleOf[control]);
                Assert.True(waived || suppressed, $"{control}: its violation passed, but no listed waiver or suppression covers it\n{verdict}");
                Assert.Contains("except under the", verdict, StringComparison.Ordinal);
                continue;
            }

            Assert.False(entry.GetProperty("vouched").GetBoolean(), $"{control} is vouched for although its violation passed\n{verdict}");
            Assert.NotEqual("enforced", entry.GetProperty("status").GetString());
            var reasons = string.Join("; ", entry.GetProperty("statusReasons").EnumerateArray().Select(r => r.GetString()));
            Assert.Contains(reason, reasons, StringComparison.Ordinal);
            Assert.DoesNotContain(control, VouchedIn(verdict));
            Assert.Contains(control, verdict, StringComparison.Ordinal);
        }

        AssertCaseSpecifics(@case, root, build);
    }

    [Fact]
    public void AttestationDoc_ListsEveryCaseOfTheMatrix()
    {
        var doc = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "docs", "attestation.md")).ReplaceLineEndings("\n");
        foreach (var @case in SoundnessCases.Cases)
        {
            Assert.Contains("| " + @case.Switch + " | " + @case.Seen + " |", doc, StringComparison.Ordinal);
        }
    }

    private static void AssertCaseSpecifics(SoundnessCase @case, JsonElement root, BuildResult build)
    {
        switch (@case.Name)
        {
            case "today-pinned-in-the-past":
                Assert.Equal("2025-01-01", root.GetProperty("build").GetProperty("today").GetString());
                Assert.True(root.GetProperty("build").GetProperty("todayPinned").GetBoolean());
                break;
            case "project-wide-waiver":
                Assert.Contains(build.Diagnostics, d => d.Id == "SRA0021" && d.FileName == "security_requirements.yaml");
                Assert.True(root.GetProperty("waivers")[0].GetProperty("projectWide").GetBoolean());
                break;
            case "pragma":
                var pragma = Assert.Single(root.GetProperty("suppressions").EnumerateArray());
                Assert.Equal("Crypto/LegacyCipher.cs", pragma.GetProperty("file").GetString());
                Assert.True(pragma.GetProperty("justified").GetBoolean());
                break;
            case "run-analyzers-false" or "run-analyzers-during-build-false":
                Assert.False(root.GetProperty("build").GetProperty("analyzersRan").GetBoolean());
                break;
        }
    }

    /// <summary>The controls the verdict's guarantee names: "If this build succeeded, no violation of A, B and C existed…".</summary>
    private static string VouchedIn(string verdict)
    {
        const string Prefix = "If this build succeeded, no violation of ";
        return verdict.StartsWith(Prefix, StringComparison.Ordinal) ? verdict[Prefix.Length..verdict.IndexOf(" existed", StringComparison.Ordinal)] : string.Empty;
    }

    private BuildResult Build(ConsumerProject consumer, SoundnessCase @case)
    {
        var build = consumer.Build("app.csproj", @case.BuildArguments);
        output.WriteLine(build.ToString());
        return build;
    }
}
