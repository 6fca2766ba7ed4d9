using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Turns the pipeline's models into the manifest JSON. Everything is sorted by ordinal order,
/// nothing depends on the clock or the machine, and paths are relative to the project, so the
/// same YAML and code give the same bytes on every build.
/// </summary>
internal static class ManifestBuilder
{
    public const int SchemaVersion = 1;
    public const string PackageName = "SecurityRequirements.Analyzers";

    /// <summary>Parameters that no compiler check can verify; the manifest carries them as declared facts.</summary>
    private static readonly ImmutableHashSet<string> AttestedOnlyKeys =
        ImmutableHashSet.Create(StringComparer.Ordinal, "key_rotation_days", "key_storage", "retention_days");

    private static readonly Lazy<string> LazyPackageVersion = new(ReadPackageVersion);

    public static string PackageVersion => LazyPackageVersion.Value;

    public static AttestationOutput Build(
        ImmutableArray<RequirementsFileModel> files,
        ImmutableArray<SourceFileScan> sources,
        ImmutableArray<EquatableArray<SuppressionEntry>> attributeSuppressions,
        CompilationFacts facts,
        AttestationOptions options,
        Func<CheckKind, ImmutableArray<string>> rulesFor,
        string packageVersion)
    {
        var (ordered, usesBaseline) = OrderFiles(files);
        var controls = EffectiveControls(ordered);
        var waivers = new List<WaiverEntry>();
        foreach (var file in ordered)
        {
            waivers.AddRange(file.Waivers);
        }

        waivers.Sort(CompareWaivers);

        var suppressions = new List<SuppressionEntry>();
        foreach (var source in sources)
        {
            foreach (var pragma in source.Pragmas)
            {
                suppressions.Add(pragma with { Path = RelativePath(pragma.Path, options.ProjectDirectory) });
            }
        }

        foreach (var group in attributeSuppressions)
        {
            foreach (var attribute in group)
            {
                suppressions.Add(attribute with { Path = RelativePath(attribute.Path, options.ProjectDirectory) });
            }
        }

        suppressions.Sort(CompareSuppressions);

        // An assembly-level attribute can be seen from more than one target; list it once.
        for (var i = suppressions.Count - 1; i > 0; i--)
        {
            if (suppressions[i] == suppressions[i - 1])
            {
                suppressions.RemoveAt(i);
            }
        }

        var aiFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (source.Header.Length > 0 && ContainsMarker(source.Header, options.AiMarkers))
            {
                aiFiles.Add(RelativePath(source.Path, options.ProjectDirectory));
            }
        }

        var json = new ManifestJsonWriter();
        json.StartObject();

        json.Name("aiProvenance").StartObject()
            .Property("count", aiFiles.Count)
            .StringArray("files", aiFiles)
            .StringArray("markers", options.AiMarkers)
            .EndObject();

        json.Property("assembly", facts.AssemblyName);

        var verdict = new VerdictBuilder();
        json.Name("controls").StartArray();
        foreach (var control in controls.Values)
        {
            WriteControl(json, control, facts, verdict, rulesFor);
        }

        json.EndArray();

        json.Name("package").StartObject()
            .Property("name", PackageName)
            .Property("version", packageVersion)
            .EndObject();

        var first = ordered[0];
        json.Name("requirements").StartObject();
        if (ordered.Count > 1)
        {
            json.Name("additional").StartArray();
            for (var i = 1; i < ordered.Count; i++)
            {
                json.StartObject()
                    .Property("file", RelativePath(ordered[i].Path, options.ProjectDirectory))
                    .Property("sha256", ordered[i].Sha256)
                    .EndObject();
            }

            json.EndArray();
        }

        json.Property("file", usesBaseline ? null : RelativePath(first.Path, options.ProjectDirectory))
            .Property("sha256", first.Sha256)
            .Property("source", usesBaseline ? "baseline" : "file")
            .Property("version", first.Version)
            .EndObject();

        json.Property("schemaVersion", SchemaVersion);

        json.Name("suppressions").StartArray();
        foreach (var suppression in suppressions)
        {
            json.StartObject()
                .Property("file", suppression.Path)
                .Property("id", suppression.Id)
                .Property("justification", suppression.Justification)
                .Property("kind", suppression.Kind)
                .Property("line", suppression.Line)
                .EndObject();
        }

        json.EndArray();

        var activeWaivers = 0;
        foreach (var waiver in waivers)
        {
            if (IsActive(waiver, options.Today))
            {
                activeWaivers++;
            }
        }

        json.Property("verdict", verdict.Sentence(activeWaivers, suppressions.Count));

        json.Name("waivers").StartArray();
        foreach (var waiver in waivers)
        {
            json.StartObject()
                .Property("active", IsActive(waiver, options.Today))
                .Property("approvedBy", waiver.ApprovedBy)
                .Property("control", waiver.ControlId)
                .Property("expires", waiver.Expires)
                .Property("justification", waiver.Justification)
                .Property("scope", waiver.Scope)
                .EndObject();
        }

        json.EndArray();
        json.EndObject();

        var text = json.ToString();
        return new AttestationOutput(text, Sha256Hex(text), first.Sha256, packageVersion);
    }

    /// <summary>The files in path order, or the baseline alone when the project has none.</summary>
    public static (List<RequirementsFileModel> Ordered, bool UsesBaseline) OrderFiles(ImmutableArray<RequirementsFileModel> files)
    {
        var ordered = new List<RequirementsFileModel>(files);
        ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var usesBaseline = ordered.Count == 0;
        if (usesBaseline)
        {
            ordered.Add(BaselineModel.Value);
        }

        return (ordered, usesBaseline);
    }

    /// <summary>The controls by id: the first definition of an id wins, in path order, as in RequirementsContext.</summary>
    public static SortedDictionary<string, ControlEntry> EffectiveControls(List<RequirementsFileModel> ordered)
    {
        var controls = new SortedDictionary<string, ControlEntry>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            foreach (var control in file.Controls)
            {
                if (!controls.ContainsKey(control.Id))
                {
                    controls.Add(control.Id, control);
                }
            }
        }

        return controls;
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes (no BOM) of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The path relative to the project directory with '/' separators; the file name alone for a file outside it.</summary>
    public static string RelativePath(string path, string projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (projectDirectory.Length > 0
            && normalized.Length > projectDirectory.Length + 1
            && normalized.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase)
            && normalized[projectDirectory.Length] == '/')
        {
            return normalized.Substring(projectDirectory.Length + 1);
        }

        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    /// <summary>True when <paramref name="text"/> holds a marker as a whole word (or phrase), ignoring case.</summary>
    public static bool ContainsMarker(string text, EquatableArray<string> markers)
    {
        foreach (var marker in markers)
        {
            var start = 0;
            while (marker.Length > 0 && (start = text.IndexOf(marker, start, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = start + marker.Length;
                var before = start == 0 || !char.IsLetterOrDigit(text[start - 1]);
                var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after)
                {
                    return true;
                }

                start++;
            }
        }

        return false;
    }

    /// <summary>Converts a parsed document to the pipeline model: only strings, bools and equatable arrays.</summary>
    public static RequirementsFileModel ToModel(string path, string text, RequirementsDocument document)
    {
        var controls = ImmutableArray.CreateBuilder<ControlEntry>(document.Controls.Length);
        foreach (var control in document.Controls)
        {
            var parameters = ImmutableArray.CreateBuilder<ParameterEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in control.Parameters.IsDefault ? ImmutableArray<ParameterModel>.Empty : control.Parameters)
            {
                // A repeated key is reported by the analyzers (SRA0017); the first value applies, as in the checks.
                if (!seen.Add(parameter.Key))
                {
                    continue;
                }

                parameters.Add(new ParameterEntry(parameter.Key, new EquatableArray<string>(parameter.Values), parameter.IsList));
            }

            controls.Add(new ControlEntry(
                control.Id,
                control.Name,
                control.Requirement,
                CheckNames.ToName(control.Check),
                control.CheckInferred,
                control.Severity.ToName(),
                new EquatableArray<ParameterEntry>(parameters.ToImmutable())));
        }

        var waivers = ImmutableArray.CreateBuilder<WaiverEntry>(document.Waivers.Length);
        foreach (var waiver in document.Waivers)
        {
            var kind = waiver.ScopeKind switch
            {
                WaiverScopeKind.Path => "path",
                WaiverScopeKind.Namespace => "namespace",
                _ => "symbol",
            };
            waivers.Add(new WaiverEntry(waiver.ControlId, kind + ":" + waiver.Scope, waiver.Justification, waiver.ApprovedBy, waiver.Expires));
        }

        return new RequirementsFileModel(
            path,
            Sha256Hex(text),
            document.Version,
            new EquatableArray<ControlEntry>(controls.ToImmutable()),
            new EquatableArray<WaiverEntry>(waivers.ToImmutable()));
    }

    private static readonly Lazy<RequirementsFileModel> BaselineModel = new(() =>
        ToModel("baseline", BaselineRequirements.Text.ToString(), BaselineRequirements.Document));

    private static void WriteControl(ManifestJsonWriter json, ControlEntry control, CompilationFacts facts, VerdictBuilder verdict, Func<CheckKind, ImmutableArray<string>> rulesFor)
    {
        CheckNames.TryParse(control.Check, out var check);
        var rules = rulesFor(check);

        string severity;
        string status;
        if (control.Severity == "none")
        {
            severity = "none";
            status = "disabled";
        }
        else if (rules.IsEmpty)
        {
            severity = control.Severity;
            status = "not-compiler-verified";
        }
        else
        {
            severity = EffectiveSeverity(control.Severity, rules, facts);
            status = severity == "none" ? "disabled" : "enforced";
        }

        verdict.Add(control.Id, status, severity);

        json.StartObject();
        json.Name("attested").StartObject();
        foreach (var parameter in control.Parameters)
        {
            if (AttestedOnlyKeys.Contains(parameter.Key))
            {
                WriteParameter(json, parameter);
            }
        }

        json.EndObject();
        json.Property("check", control.Check)
            .Property("id", control.Id)
            .Property("inferred", control.Inferred)
            .Property("name", control.Name);
        json.Name("parameters").StartObject();
        foreach (var parameter in control.Parameters)
        {
            if (!AttestedOnlyKeys.Contains(parameter.Key))
            {
                WriteParameter(json, parameter);
            }
        }

        json.EndObject();
        json.Property("requirement", control.Requirement)
            .StringArray("rules", rules)
            .Property("severity", severity)
            .Property("status", status)
            .EndObject();
    }

    private static void WriteParameter(ManifestJsonWriter json, ParameterEntry parameter)
    {
        if (parameter.IsList)
        {
            json.StringArray(parameter.Key, parameter.Values);
        }
        else
        {
            json.Property(parameter.Key, parameter.Values.Count == 0 ? string.Empty : parameter.Values[0]);
        }
    }

    /// <summary>
    /// The weakest severity any of the control's rules ends up with: the attestation claims only
    /// what holds for every rule. A rule's severity is the YAML's, unless the compiler options
    /// set it; TreatWarningsAsErrors then turns a warning into an error.
    /// </summary>
    private static string EffectiveSeverity(string yamlSeverity, ImmutableArray<string> rules, CompilationFacts facts)
    {
        var weakest = "error";
        foreach (var rule in rules)
        {
            var severities = RuleSeverities(rule, yamlSeverity, facts);
            foreach (var configured in severities)
            {
                var severity = configured == "default" ? yamlSeverity : configured;
                if (severity == "warning" && facts.WarningsAsErrors)
                {
                    severity = "error";
                }

                if (Rank(severity) < Rank(weakest))
                {
                    weakest = severity;
                }
            }
        }

        return weakest;
    }

    private static EquatableArray<string> RuleSeverities(string rule, string yamlSeverity, CompilationFacts facts)
    {
        foreach (var entry in facts.Overrides)
        {
            if (entry.Id == rule)
            {
                return entry.Severities;
            }
        }

        return new EquatableArray<string>(ImmutableArray.Create("default"));
    }

    internal static int Rank(string severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        "info" => 1,
        _ => 0,
    };

    private static bool IsActive(WaiverEntry waiver, string? today) =>
        waiver.Expires is null || today is null || string.CompareOrdinal(today, waiver.Expires) <= 0;

    private static int CompareWaivers(WaiverEntry a, WaiverEntry b)
    {
        var result = string.CompareOrdinal(a.ControlId, b.ControlId);
        if (result == 0)
        {
            result = string.CompareOrdinal(a.Scope, b.Scope);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.Expires, b.Expires);
        }

        return result == 0 ? string.CompareOrdinal(a.Justification, b.Justification) : result;
    }

    private static int CompareSuppressions(SuppressionEntry a, SuppressionEntry b)
    {
        var result = string.CompareOrdinal(a.Path, b.Path);
        if (result == 0)
        {
            result = a.Line.CompareTo(b.Line);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.Id, b.Id);
        }

        return result == 0 ? string.CompareOrdinal(a.Kind, b.Kind) : result;
    }

    private static string ReadPackageVersion()
    {
        var assembly = typeof(ManifestBuilder).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            // Drop "+<commit>": the version is what the package is called, not how it was built.
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
