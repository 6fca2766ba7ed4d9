using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Linq;
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
    public const int SchemaVersion = 2;
    public const string PackageName = "SecurityRequirements.Analyzers";

    private static readonly Lazy<string> LazyPackageVersion = new(ReadPackageVersion);

    public static string PackageVersion => LazyPackageVersion.Value;

    public static AttestationOutput Build(
        ResolvedPolicy policy,
        ImmutableArray<SourceFileScan> sources,
        bool pkceTypesPresent,
        ValueList<ValueList<SuppressionEntry>> attributeSuppressions,
        CompilationFacts facts,
        AttestationOptions options,
        Func<CheckKind, ImmutableArray<string>> rulesFor,
        string packageVersion)
    {
        var sortedSources = new List<SourceFileScan>(sources);
        sortedSources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var suppressions = Suppressions(sortedSources, attributeSuppressions, options);
        var waivers = Waivers(policy, sortedSources, options);

        var json = new ManifestJsonWriter();
        json.StartObject();
        WriteAiProvenance(json, sortedSources, options);
        json.Property("assembly", facts.AssemblyName);
        WriteBuild(json, policy, sortedSources, pkceTypesPresent, facts, options);

        var assessor = new ControlAssessor(facts, sortedSources, options);
        var verdict = new VerdictBuilder();
        var partial = false;
        var controls = new List<ControlModel>(policy.Controls);
        controls.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        json.Name("controls").StartArray();
        foreach (var control in controls)
        {
            var rules = rulesFor(control.Check);
            var projectWide = waivers.Where(w => w.ProjectWide && w.Resolved.Active && w.Resolved.Waiver.ControlId == control.Id).Select(w => w.Scope).ToList();
            var assessment = assessor.Assess(control, rules, projectWide);
            partial |= assessment.Status is ControlStatus.Partial or ControlStatus.Weakened or ControlStatus.NotEnforced;
            verdict.Add(control.Id, assessment);
            WriteControl(json, control, rules, assessment);
        }

        json.EndArray();
        json.StringArray("limits", AttestationLimits.All);
        json.Name("package").StartObject()
            .Property("name", PackageName)
            .Property("version", packageVersion)
            .EndObject();
        json.Property("partial", partial);
        var requirementsSha256 = WriteRequirements(json, policy, options);
        json.Property("schemaVersion", SchemaVersion);
        json.Property("sourceRevision", options.SourceRevision);

        json.Name("suppressions").StartArray();
        foreach (var suppression in suppressions)
        {
            json.StartObject()
                .Property("file", suppression.Path)
                .Property("id", suppression.Id)
                .Property("justification", suppression.Justification)
                .Property("justified", suppression.Justified)
                .Property("kind", suppression.Kind)
                .Property("line", suppression.Line)
                .EndObject();
        }

        json.EndArray();

        var activeWaivers = waivers.Count(w => w.Resolved.Active);
        json.Property("verdict", verdict.Sentence(activeWaivers, suppressions.Count));

        json.Name("waivers").StartArray();
        foreach (var waiver in waivers)
        {
            var model = waiver.Resolved.Waiver;
            json.StartObject()
                .Property("active", waiver.Resolved.Active)
                .Property("approvedBy", string.IsNullOrWhiteSpace(model.ApprovedBy) ? null : model.ApprovedBy)
                .Property("control", model.ControlId)
                .Property("expires", model.Expires)
                .Property("justification", model.Justification)
                .Property("openEnded", waiver.Resolved.OpenEnded)
                .Property("projectWide", waiver.ProjectWide)
                .Property("scope", waiver.Scope)
                .EndObject();
        }

        json.EndArray();
        json.EndObject();

        var text = json.ToString();
        return new AttestationOutput(text, Sha256.Hex(text), requirementsSha256, packageVersion);
    }

    private static void WriteAiProvenance(ManifestJsonWriter json, List<SourceFileScan> sources, AttestationOptions options)
    {
        var aiFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (source.Header.Length > 0 && ContainsMarker(source.Header, options.AiMarkers))
            {
                aiFiles.Add(RelativePath(source.Path, options.ProjectDirectory));
            }
        }

        json.Name("aiProvenance").StartObject()
            .Property("count", aiFiles.Count)
            .StringArray("files", aiFiles)
            .StringArray("markers", options.AiMarkers)
            .EndObject();
    }

    private static void WriteBuild(ManifestJsonWriter json, ResolvedPolicy policy, List<SourceFileScan> sources, bool pkceTypesPresent, CompilationFacts facts, AttestationOptions options)
    {
        json.Name("build").StartObject();
        json.Name("analyzersRan");
        if (options.AnalyzersRun is { } ran)
        {
            json.Bool(ran);
        }
        else
        {
            json.String(null);
        }

        var generated = new List<(string File, string Reason)>();
        foreach (var source in sources)
        {
            if (source.Generated is { } reason)
            {
                generated.Add((RelativePath(source.Path, options.ProjectDirectory), reason));
            }
        }

        generated.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        json.Name("generatedFiles").StartArray();
        foreach (var (file, reason) in generated)
        {
            json.StartObject().Property("file", file).Property("reason", reason).EndObject();
        }

        json.EndArray();

        // Informational: SRA2006 reports each such place at the OAuth control's severity, so at error a successful build
        // has none unsuppressed. Without a type whose settings SRA2006 reads, no place sets PKCE, whatever its syntax.
        var fromConfiguration = new SortedSet<string>(StringComparer.Ordinal);
        var places = 0;
        foreach (var source in sources)
        {
            if (pkceTypesPresent && source.ConfigurationBoundPkce > 0)
            {
                places += source.ConfigurationBoundPkce;
                fromConfiguration.Add(RelativePath(source.Path, options.ProjectDirectory));
            }
        }

        json.Name("pkceSettingsFromConfiguration").StartObject()
            .Property("count", places)
            .StringArray("files", fromConfiguration)
            .EndObject();
        json.Property("today", policy.Today.Value)
            .Property("todayPinned", policy.Today.Pinned)
            .Property("treatWarningsAsErrors", facts.GeneralOption == "error")
            .Property("warningLevel", facts.WarningLevel)
            .EndObject();
    }

    private static string WriteRequirements(ManifestJsonWriter json, ResolvedPolicy policy, AttestationOptions options)
    {
        json.Name("requirements").StartObject();
        if (policy.Files.Length > 1)
        {
            json.Name("additional").StartArray();
            for (var i = 1; i < policy.Files.Length; i++)
            {
                json.StartObject()
                    .Property("file", RelativePath(policy.Files[i].Path, options.ProjectDirectory))
                    .Property("sha256", policy.Files[i].Sha256Hex)
                    .EndObject();
            }

            json.EndArray();
        }

        var sha256 = policy.UsesBaseline ? BaselineSha256.Value : policy.Files[0].Sha256Hex;
        json.Property("file", policy.UsesBaseline ? null : RelativePath(policy.Files[0].Path, options.ProjectDirectory));
        json.Name("problems").StartArray();
        foreach (var problem in policy.Problems)
        {
            json.StartObject()
                .Property("file", RelativePath(problem.Path, options.ProjectDirectory))
                .Property("reason", problem.Reason)
                .EndObject();
        }

        json.EndArray();
        json.Property("sha256", sha256)
            .Property("source", policy.UsesBaseline ? "baseline" : "file")
            .Property("version", policy.Version)
            .EndObject();
        return sha256;
    }

    private static List<SuppressionEntry> Suppressions(List<SourceFileScan> sources, ValueList<ValueList<SuppressionEntry>> attributeSuppressions, AttestationOptions options)
    {
        var suppressions = new List<SuppressionEntry>();
        foreach (var source in sources)
        {
            foreach (var pragma in source.Pragmas)
            {
                suppressions.Add(pragma with { Path = RelativePath(pragma.Path, options.ProjectDirectory) });
            }
        }

        foreach (var group in attributeSuppressions.Items)
        {
            foreach (var attribute in group.Items)
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

        return suppressions;
    }

    private static List<WaiverFacts> Waivers(ResolvedPolicy policy, List<SourceFileScan> sources, AttestationOptions options)
    {
        var paths = new List<string>(sources.Count);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            paths.Add(source.Path);
            foreach (var ns in source.TypeNamespaces)
            {
                namespaces.Add(ns);
            }
        }

        var waivers = new List<WaiverFacts>();
        foreach (var waiver in policy.Waivers)
        {
            waivers.Add(new WaiverFacts(waiver, WaiverDescriptions.ScopeKindName(waiver.Waiver.ScopeKind) + ":" + waiver.Waiver.Scope, WaiverReach.IsProjectWide(waiver, paths, namespaces)));
        }

        waivers.Sort(static (a, b) =>
        {
            var result = string.CompareOrdinal(a.Resolved.Waiver.ControlId, b.Resolved.Waiver.ControlId);
            if (result == 0)
            {
                result = string.CompareOrdinal(a.Scope, b.Scope);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(a.Resolved.Waiver.Expires, b.Resolved.Waiver.Expires);
            }

            return result == 0 ? string.CompareOrdinal(a.Resolved.Waiver.Justification, b.Resolved.Waiver.Justification) : result;
        });
        return waivers;
    }

    private static readonly Lazy<string> BaselineSha256 = new(() => Sha256.Hex(BaselineRequirements.Text.ToString()));

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

    private static void WriteControl(ManifestJsonWriter json, ControlModel control, ImmutableArray<string> rules, ControlAssessment assessment)
    {
        json.StartObject();
        json.Name("attested").StartObject();
        foreach (var parameter in control.Parameters)
        {
            if (parameter.AttestedOnly)
            {
                WriteParameter(json, parameter);
            }
        }

        json.EndObject();
        json.Property("check", CheckNames.ToName(control.Check))
            .Property("id", control.Id)
            .StringArray("ignored", control.IgnoredKeys)
            .Property("inferred", control.CheckInferred)
            .Property("name", control.Name);
        json.Name("parameters").StartObject();
        foreach (var parameter in control.Parameters)
        {
            if (!parameter.AttestedOnly)
            {
                WriteParameter(json, parameter);
            }
        }

        json.EndObject();
        json.Property("requirement", control.Requirement)
            .StringArray("rules", rules.IsDefault ? ImmutableArray<string>.Empty : rules)
            .Property("severity", assessment.Severity)
            .Property("status", assessment.Status)
            .StringArray("statusReasons", assessment.Reasons)
            .Property("vouched", assessment.Vouched)
            .EndObject();
    }

    private static void WriteParameter(ManifestJsonWriter json, ParameterModel parameter)
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
