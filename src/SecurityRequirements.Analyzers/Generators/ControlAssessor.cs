using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// Decides, for each control, what this build really enforced. The attestation may only vouch for a control when a
/// violation planted anywhere in the compilation would fail the build; every switch that weakens that (analyzers off,
/// NoWarn, WarningsNotAsErrors, .editorconfig and global-config severities, bulk <c>dotnet_analyzer_diagnostic</c>
/// settings, warning level 0, generated files a control skips, project-wide waivers, PKCE settings read from
/// configuration) is named as a reason. Where the compiler's exact behaviour is uncertain, the lower severity is taken.
/// </summary>
internal sealed class ControlAssessor
{
    /// <summary>How many file names a reason lists before it says "and N more".</summary>
    private const int ShownFiles = 5;

    private readonly CompilationFacts _facts;
    private readonly IReadOnlyList<SourceFileScan> _sources;
    private readonly AttestationOptions _options;
    private readonly Dictionary<string, RuleSeverityFacts> _ruleFacts = new(StringComparer.Ordinal);

    public ControlAssessor(CompilationFacts facts, IReadOnlyList<SourceFileScan> sources, AttestationOptions options)
    {
        _facts = facts;
        _sources = sources;
        _options = options;
        foreach (var rule in facts.Rules)
        {
            _ruleFacts[rule.Id] = rule;
        }
    }

    private static readonly string[] SeverityNoneReasons = { "its severity is none in the requirements file" };
    private static readonly string[] NoCheckReasons = { "no built-in check covers it" };

    public ControlAssessment Assess(ControlModel control, ImmutableArray<string> rules, IReadOnlyList<string> projectWideWaivers)
    {
        var yaml = control.Severity.ToName();
        if (control.Severity == ControlSeverity.None)
        {
            return new ControlAssessment("none", ControlStatus.Disabled, SeverityNoneReasons, Vouched: false);
        }

        if (rules.IsDefaultOrEmpty)
        {
            return new ControlAssessment(yaml, ControlStatus.NotCompilerVerified, NoCheckReasons, Vouched: false);
        }

        if (_options.AnalyzersRun != true)
        {
            var why = _options.AnalyzersRun == false
                ? "analyzers are off in this build (RunAnalyzers or RunAnalyzersDuringBuild is false), so no rule reported anything"
                : "the build did not say whether analyzers ran (the package's build files were not imported)";
            return new ControlAssessment("none", ControlStatus.NotEnforced, new[] { why }, Vouched: false);
        }

        // The compiler drops a diagnostic whose warning level is above the project's before it reads any option, and ours
        // are at level 1 when the YAML makes them warnings or infos.
        if (_facts.WarningLevel == 0 && yaml is "warning" or "info")
        {
            return new ControlAssessment("none", ControlStatus.Weakened, new[] { List(rules.ToList()) + (rules.Length == 1 ? " is" : " are") + " set to none by WarningLevel 0, which drops every warning" }, Vouched: false);
        }

        // What the YAML asks for, as the build applies it when nothing names the rule; options may lower or raise it per rule and file.
        var best = Promote(yaml);
        var weakest = "error";
        var everywhere = new SortedSet<string>(StringComparer.Ordinal);
        var somewhere = new SortedSet<string>(StringComparer.Ordinal);
        var category = CategoryOf(control.Check);

        // Rules that end up alike are reported together: "SRA1001, SRA1003 are set to none by ...".
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var (severity, source, files) in Outcomes(rule, yaml, category))
            {
                if (Rank(severity) < Rank(weakest))
                {
                    weakest = severity;
                }

                if (Rank(severity) >= Rank(best))
                {
                    continue;
                }

                var key = severity + "\n" + source + "\n" + string.Join("\n", files);
                if (!groups.TryGetValue(key, out var ids))
                {
                    groups.Add(key, ids = new List<string>());
                }

                ids.Add(rule);
            }
        }

        foreach (var group in groups)
        {
            var parts = group.Key.Split('\n');
            var files = parts.Skip(2).Where(f => f.Length > 0).ToList();
            var subject = group.Value.Count == 1 ? group.Value[0] + " is" : List(group.Value) + " are";
            if (files.Count == 0)
            {
                everywhere.Add(subject + " set to " + parts[0] + " by " + parts[1]);
            }
            else
            {
                somewhere.Add(subject + " set to " + parts[0] + " in " + FileList(files) + " by " + parts[1]);
            }
        }

        foreach (var waiver in projectWideWaivers)
        {
            everywhere.Add("the waiver " + waiver + " covers the whole project");
        }

        if (control.SkipGeneratedCode)
        {
            var generated = _sources.Where(s => s.Generated is not null).Select(s => Relative(s.Path)).ToList();
            if (generated.Count > 0)
            {
                somewhere.Add(Count(generated.Count, "generated file") + " not checked (skip_generated_code: true): " + FileList(generated));
            }
        }

        var reasons = everywhere.Concat(somewhere).ToList();
        var status = everywhere.Count > 0 ? ControlStatus.Weakened : somewhere.Count > 0 ? ControlStatus.Partial : ControlStatus.Enforced;
        return new ControlAssessment(weakest, status, reasons, Vouched: status == ControlStatus.Enforced && weakest == "error");
    }

    /// <summary>
    /// The severities <paramref name="rule"/> ends up with, each with its source and the files it holds in (empty: every
    /// file). A list, not an iterator: iterators reference Environment, which the shipped assembly must not.
    /// </summary>
    private List<(string Severity, string Source, List<string> Files)> Outcomes(string rule, string yaml, string category)
    {
        var result = new List<(string Severity, string Source, List<string> Files)>();
        _ruleFacts.TryGetValue(rule, out var facts);
        var perFile = new Dictionary<string, string>(StringComparer.Ordinal);
        if (facts is not null)
        {
            foreach (var file in facts.PerFile)
            {
                perFile[file.Path] = file.Severity;
            }
        }

        if (_sources.Count == 0)
        {
            var (severity, why) = WithoutFileOptions(rule, yaml, category, facts, file: null);
            result.Add((severity, why, new List<string>()));
            return result;
        }

        // Files with the same bulk settings and no per-file severity end up alike: one answer per distinct setting, and
        // file names are built only for outcomes that do not hold in every file.
        var byBulk = new Dictionary<EquatableArray<BulkSeverity>, (string Severity, string Why)>();
        var byOutcome = new Dictionary<(string Severity, string Why), List<int>>();
        for (var index = 0; index < _sources.Count; index++)
        {
            var source = _sources[index];
            (string Severity, string Why) outcome;
            if (perFile.TryGetValue(source.Path, out var configured))
            {
                outcome = Apply(Named(configured), promote: false, ".editorconfig (dotnet_diagnostic." + rule + ".severity)");
            }
            else if (!byBulk.TryGetValue(source.BulkSeverities, out outcome))
            {
                outcome = WithoutFileOptions(rule, yaml, category, facts, source);
                byBulk.Add(source.BulkSeverities, outcome);
            }

            if (!byOutcome.TryGetValue(outcome, out var files))
            {
                byOutcome.Add(outcome, files = new List<int>());
            }

            files.Add(index);
        }

        foreach (var outcome in byOutcome)
        {
            var files = new List<string>();
            if (outcome.Value.Count != _sources.Count)
            {
                foreach (var index in outcome.Value)
                {
                    files.Add(Relative(_sources[index].Path));
                }

                files.Sort(StringComparer.Ordinal);
            }

            result.Add((outcome.Key.Severity, outcome.Key.Why, files));
        }

        return result;
    }

    /// <summary>
    /// The compiler's order where no .editorconfig section names the rule for the file: the compilation's own options
    /// (NoWarn, WarningsAsErrors, WarningsNotAsErrors, rule sets), then a global analyzer config (whose warning
    /// TreatWarningsAsErrors promotes), then the bulk settings, then the YAML severity.
    /// </summary>
    private (string Severity, string Why) WithoutFileOptions(string rule, string yaml, string category, RuleSeverityFacts? facts, SourceFileScan? file)
    {
        if (facts?.Specific is { } specific)
        {
            return specific switch
            {
                // WarningsNotAsErrors: the rule keeps the YAML's severity and TreatWarningsAsErrors does not promote it.
                "default" => Apply(yaml, promote: false, "WarningsNotAsErrors (or /warnaserror-)"),
                "warning" => Apply("warning", promote: false, "a rule set or /warnaserror-"),
                "suppress" or "hidden" => Apply("none", promote: false, "NoWarn (or a rule set)"),
                _ => Apply(Named(specific), promote: false, "WarningsAsErrors (or a rule set)"),
            };
        }

        if (facts?.Global is { } global)
        {
            return Apply(Named(global), promote: true, "a global analyzer config (dotnet_diagnostic." + rule + ".severity)");
        }

        // Bulk settings apply only where nothing names the rule itself; the category setting wins over the one for all analyzers.
        BulkSeverity? bulk = null;
        foreach (var setting in file?.BulkSeverities ?? EquatableArray<BulkSeverity>.Empty)
        {
            if (setting.Category == category || (setting.Category.Length == 0 && bulk is null))
            {
                bulk = setting;
            }
        }

        if (bulk is not null && FromBulk(bulk.Value) is { } bulkSeverity && Unconfigured(yaml).Severity != "none")
        {
            // The compiler applies a bulk setting after TreatWarningsAsErrors, so a bulk "warning" stays a warning.
            var key = bulk.Category.Length == 0 ? "dotnet_analyzer_diagnostic.severity" : "dotnet_analyzer_diagnostic.category-" + bulk.Category + ".severity";
            return Apply(bulkSeverity, promote: false, key + " = " + bulk.Value + " (a bulk setting in .editorconfig or a global config)");
        }

        return Unconfigured(yaml);
    }

    /// <summary>The YAML severity with nothing naming the rule: the option that suppresses all warnings drops it, TreatWarningsAsErrors promotes it.</summary>
    private (string Severity, string Why) Unconfigured(string yaml)
    {
        if (_facts.GeneralOption == "suppress" && yaml is "warning" or "info")
        {
            return ("none", "the compiler option that suppresses all warnings");
        }

        return Apply(yaml, promote: true, "the requirements file");
    }

    /// <summary>A severity as the compiler finally applies it: TreatWarningsAsErrors promotes a warning unless an option named the rule.</summary>
    private (string Severity, string Why) Apply(string severity, bool promote, string why) =>
        (promote && severity == "warning" && _facts.GeneralOption == "error" ? "error" : severity, why);

    /// <summary>What the YAML asks for under TreatWarningsAsErrors: anything a switch makes weaker than this is a reason.</summary>
    private string Promote(string yaml) => yaml == "warning" && _facts.GeneralOption == "error" ? "error" : yaml;

    /// <summary>A severity the options name for a rule: error, warning, info, or none for hidden and suppress.</summary>
    private static string Named(string configured) => configured switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" => "info",
        _ => "none",
    };

    private static string? FromBulk(string value) => value switch
    {
        "error" => "error",
        "warning" => "warning",
        "suggestion" => "info",
        "silent" or "none" => "none",
        _ => null,
    };

    internal static int Rank(string severity) => severity switch
    {
        "error" => 3,
        "warning" => 2,
        "info" => 1,
        _ => 0,
    };

    private static string CategoryOf(CheckKind check) => check switch
    {
        CheckKind.Encryption => DiagnosticCategories.Encryption,
        CheckKind.OAuthPkce => DiagnosticCategories.OAuthPkce,
        CheckKind.PiiAudit => DiagnosticCategories.PiiAudit,
        CheckKind.Banned => DiagnosticCategories.Bans,
        _ => string.Empty,
    };

    private string Relative(string path) => ManifestBuilder.RelativePath(path, _options.ProjectDirectory);

    private static string List(List<string> ids) =>
        ids.Count == 1 ? ids[0] : string.Join(", ", ids.Take(ids.Count - 1)) + " and " + ids[ids.Count - 1];

    private static string FileList(List<string> files)
    {
        files.Sort(StringComparer.Ordinal);
        var shown = string.Join(", ", files.Take(ShownFiles));
        return files.Count <= ShownFiles ? shown : shown + " and " + (files.Count - ShownFiles).ToString(CultureInfo.InvariantCulture) + " more";
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? " is" : "s are");
}
