using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>One entry of the manifest's <c>waivers</c> (an <c>exceptions:</c> entry of the YAML).</summary>
public sealed class ManifestWaiver
{
    internal ManifestWaiver(JsonObject entry)
    {
        Entry = entry;
    }

    public JsonObject Entry { get; }

    public string? Control => Entry.GetString("control");

    /// <summary><c>symbol:</c>, <c>path:</c> or <c>namespace:</c> followed by the value.</summary>
    public string? Scope => Entry.GetString("scope");

    public string? Justification => Entry.GetString("justification");

    public string? ApprovedBy => Entry.GetString("approvedBy");

    /// <summary>yyyy-MM-dd, or null for a waiver without an expiry date.</summary>
    public string? Expires => Entry.GetString("expires");

    /// <summary>Whether the build applied the waiver; a waiver whose state is not recorded counts as applied.</summary>
    public bool Active => Entry.GetBoolean("active") ?? true;

    /// <summary>A waiver without an expiry date; the manifest's <c>openEnded</c>, else whether <c>expires</c> is missing.</summary>
    public bool OpenEnded => Entry.GetBoolean("openEnded") ?? Expires is null;

    /// <summary>A waiver whose scope covers the whole project; false when the manifest does not say.</summary>
    public bool ProjectWide => Entry.GetBoolean("projectWide") ?? false;
}
