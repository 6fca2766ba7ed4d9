using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>One control as the attestation would record it.</summary>
internal sealed record ControlStatusEntry(
    [property: Description("The control id.")] string Id,
    [property: Description("The control name.")] string Name,
    [property: Description("The built-in check it binds to: encryption, oauth-pkce, pii-audit, banned or none.")] string Check,
    [property: Description("The control's severity after .editorconfig: error, warning, info or none.")] string Severity,
    [property: Description("enforced, inferred, partial, weakened, not-enforced, not-compiler-verified or disabled, as the attestation records it.")] string Status,
    [property: Description("Why the status is not plain enforcement.")] IReadOnlyList<string> StatusReasons,
    [property: Description("Whether the verdict vouches for the control: a successful build then proves it was not violated.")] bool Vouched,
    [property: Description("The rules that enforce it.")] IReadOnlyList<string> Rules);
