using System;
using System.Collections.Generic;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>One entry of the manifest's <c>controls</c>.</summary>
public sealed class ManifestControl
{
    internal ManifestControl(JsonObject entry)
    {
        Entry = entry;
        StatusReasons = entry.GetStrings("statusReasons");
        Rules = entry.GetStrings("rules");
    }

    public JsonObject Entry { get; }

    public string Id => Entry.GetString("id") ?? string.Empty;

    public string? Name => Entry.GetString("name");

    public string? Requirement => Entry.GetString("requirement");

    public string? Check => Entry.GetString("check");

    public bool Inferred => Entry.GetBoolean("inferred") ?? false;

    /// <summary>The effective severity the build applied (error, warning, info, none).</summary>
    public string? Severity => Entry.GetString("severity");

    /// <summary>enforced, partial, weakened, not-enforced, not-compiler-verified or disabled.</summary>
    public string? Status => Entry.GetString("status");

    /// <summary>Why the control is not fully enforced, in plain English; empty when it is.</summary>
    public IReadOnlyList<string> StatusReasons { get; }

    public IReadOnlyList<string> Rules { get; }

    /// <summary>
    /// Whether the verdict guarantees this control: the manifest's <c>vouched</c>, or, where the
    /// manifest has none, enforced at severity error.
    /// </summary>
    public bool Vouched => Entry.GetBoolean("vouched")
        ?? (string.Equals(Status, "enforced", StringComparison.Ordinal) && string.Equals(Severity, "error", StringComparison.Ordinal));

    public JsonObject Parameters => Entry.GetObject("parameters");

    /// <summary>Parameters no compiler check can verify, carried as declared facts.</summary>
    public JsonObject Attested => Entry.GetObject("attested");
}
