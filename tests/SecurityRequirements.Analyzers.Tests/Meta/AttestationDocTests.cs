using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Meta;

/// <summary>docs/attestation.md states every limit the manifest states, in the same words.</summary>
public class AttestationDocTests
{
    [Fact]
    public void AttestationDoc_StatesEveryLimitWordForWord()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "attestation.md")).ReplaceLineEndings("\n");
        Assert.NotEmpty(AttestationLimits.All);
        foreach (var limit in AttestationLimits.All)
        {
            Assert.Contains("- " + limit + "\n", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AttestationDoc_NamesEveryStatus()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "attestation.md"));
        foreach (var status in new[] { ControlStatus.Enforced, ControlStatus.Partial, ControlStatus.Weakened, ControlStatus.NotEnforced, ControlStatus.NotCompilerVerified, ControlStatus.Disabled })
        {
            Assert.Contains("| `" + status + "` |", doc, StringComparison.Ordinal);
        }
    }
}
