using System;
using System.Collections.Generic;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>
/// A read view of the manifest the attestation generator embeds. It reads every schema version it
/// knows of and reads a missing field the way that claims less: a control is vouched for only when
/// the manifest says so, or (schema 1, which has no such flag) when it is enforced at error.
/// </summary>
public sealed class AttestationManifest
{
    private AttestationManifest(string text, JsonObject root)
    {
        Text = text;
        Root = root;
        var controls = new List<ManifestControl>();
        foreach (var item in root.GetArray("controls"))
        {
            controls.Add(new ManifestControl(item as JsonObject ?? new JsonObject()));
        }

        Controls = controls;
        var waivers = new List<ManifestWaiver>();
        foreach (var item in root.GetArray("waivers"))
        {
            waivers.Add(new ManifestWaiver(item as JsonObject ?? new JsonObject()));
        }

        Waivers = waivers;
        var requirements = root.GetObject("requirements");
        var files = new List<ManifestRequirementsFile>
        {
            new(requirements.GetString("file"), requirements.GetString("sha256")),
        };
        foreach (var item in requirements.GetArray("additional"))
        {
            var file = item as JsonObject ?? new JsonObject();
            files.Add(new ManifestRequirementsFile(file.GetString("file"), file.GetString("sha256")));
        }

        RequirementsFiles = files;
    }

    /// <summary>The manifest exactly as embedded.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>1 when the field is missing: the first manifests had it already, so a missing one is not newer.</summary>
    public long SchemaVersion => Root.GetInteger("schemaVersion") ?? 1;

    /// <summary>The assembly's name (without extension), as the compiler saw it.</summary>
    public string? AssemblyName => Root.GetString("assembly");

    public string? Verdict => Root.GetString("verdict");

    /// <summary>The commit or revision the build was made from (<c>SourceRevisionId</c>); null when the build did not know it.</summary>
    public string? SourceRevision => Root.GetString("sourceRevision");

    /// <summary>
    /// True when the manifest says the attestation covers only part of the build; null when it does not say.
    /// Schema 1 predates the flag, and its statuses never describe a partial build.
    /// </summary>
    public bool? Partial => Root.GetBoolean("partial") ?? (SchemaVersion <= 1 ? false : null);

    /// <summary><c>file</c>, or <c>baseline</c> when the project had no requirements file.</summary>
    public string? RequirementsSource => Root.GetObject("requirements").GetString("source");

    /// <summary>The requirements files in path order: the first is the one <c>requirements.file</c> names.</summary>
    public IReadOnlyList<ManifestRequirementsFile> RequirementsFiles { get; }

    public IReadOnlyList<ManifestControl> Controls { get; }

    public IReadOnlyList<ManifestWaiver> Waivers { get; }

    /// <summary>Parses the manifest; <see cref="FormatException"/> when it is not a JSON object.</summary>
    public static AttestationManifest Parse(string text) => new(text, JsonReader.ParseObject(text));
}
