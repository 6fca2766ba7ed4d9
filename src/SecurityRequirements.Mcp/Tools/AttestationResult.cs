using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>The answer of the attestation tool.</summary>
internal sealed record AttestationResult(
    [property: Description("The attestation's verdict sentence: what a successful build of this code would prove.")] string Verdict,
    [property: Description("Whether the build would succeed as far as SRA rules and the checked compiler errors go, and why not.")] string BuildOutcome,
    [property: Description("True when some control is enforced only in part (the verdict leaves it out).")] bool Partial,
    [property: Description("Every control with its status.")] IReadOnlyList<ControlStatusEntry> Controls,
    [property: Description("SRA diagnostics at severity error in the project's files (each fails the build).")] int SraErrors,
    [property: Description("SRA diagnostics below error (reported, the build goes on).")] int SraWarnings,
    [property: Description("C# compiler errors in the project.")] int CompilerErrors,
    [property: Description("Active waivers and in-source suppressions of SRA rules the attestation lists.")] int Exemptions,
    [property: Description("What else to know, such as a project without the analyzer package.")] IReadOnlyList<string> Notes,
    [property: Description("The full manifest JSON the build would embed (empty unless includeManifest is true).")] string Manifest);
