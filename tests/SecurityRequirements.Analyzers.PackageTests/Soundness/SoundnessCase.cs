using SecurityRequirements.Analyzers.PackageTests.Infrastructure;

namespace SecurityRequirements.Analyzers.PackageTests.Soundness;

/// <summary>
/// One switch that could let a planted violation pass while the attestation vouches for its control, and what must
/// happen instead: the violation fails the build, or the attestation leaves the control out and names the reason.
/// </summary>
/// <param name="Name">The test case's name.</param>
/// <param name="Switch">The switch in plain words, as docs/attestation.md lists it.</param>
/// <param name="Seen">What the build and the attestation do about it, as docs/attestation.md lists it.</param>
/// <param name="Arrange">Changes to the standard consumer (<see cref="PlantedViolations"/>) before the build.</param>
/// <param name="BuildArguments">Extra arguments of <c>dotnet build</c>.</param>
/// <param name="Failing">The controls whose planted violation must fail the build.</param>
/// <param name="Reasons">For each other control: a phrase its status reasons must contain, or <see cref="Covered"/>.</param>
internal sealed record SoundnessCase(
    string Name,
    string Switch,
    string Seen,
    Action<ConsumerProject> Arrange,
    string[] BuildArguments,
    string[] Failing,
    IReadOnlyDictionary<string, string> Reasons)
{
    /// <summary>The violation is left alone on purpose and listed as such: under an active waiver or an in-source suppression the verdict names.</summary>
    public const string Covered = "(covered by a listed waiver or suppression)";

    /// <summary>The control is not in the policy the build applied; the requirements problem is the reason.</summary>
    public const string NotApplied = "(not in the applied policy)";

    public override string ToString() => Name;
}
