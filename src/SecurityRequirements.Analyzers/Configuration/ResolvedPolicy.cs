using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The one policy a compilation is checked against: the project's requirements files merged in path order (the first
/// definition of an id wins, later ones are duplicates), or the baseline when none can be used, with every waiver judged
/// against the effective date. The analyzers, the attestation generator, the brief and the command-line tool all read
/// this model, so they cannot disagree about what applies.
/// </summary>
/// <remarks>
/// Equal inputs (file paths and contents, problems, effective date) give an equal policy, and equality is decided on
/// those inputs alone; that is what lets the generator's incremental driver cache every step after it.
/// </remarks>
internal sealed class ResolvedPolicy : IEquatable<ResolvedPolicy>
{
    private readonly Lazy<string> _identity;

    private ResolvedPolicy(
        ImmutableArray<RequirementsFile> files,
        ImmutableArray<RequirementsFileProblem> problems,
        ImmutableArray<ControlModel> controls,
        ImmutableArray<ResolvedWaiver> waivers,
        ImmutableArray<DuplicateControl> duplicates,
        EffectiveDate today)
    {
        Files = files;
        Problems = problems;
        Controls = controls;
        Waivers = waivers;
        Duplicates = duplicates;
        Today = today;
        _identity = new Lazy<string>(() => Identity(files, problems, today));
    }

    /// <summary>The usable requirements files, ordered by path; empty when the baseline applies.</summary>
    public ImmutableArray<RequirementsFile> Files { get; }

    /// <summary>Requirements files the build named or passed that could not be used, ordered by path.</summary>
    public ImmutableArray<RequirementsFileProblem> Problems { get; }

    public bool UsesBaseline => Files.IsEmpty;

    /// <summary>Every valid control, in file order; the first definition of an id wins.</summary>
    public ImmutableArray<ControlModel> Controls { get; }

    /// <summary>Every waiver of every file, in file order, with its state on <see cref="Today"/>.</summary>
    public ImmutableArray<ResolvedWaiver> Waivers { get; }

    public ImmutableArray<DuplicateControl> Duplicates { get; }

    public EffectiveDate Today { get; }

    /// <summary>The <c>version</c> of the first file (or the baseline's).</summary>
    public string? Version => UsesBaseline ? BaselineRequirements.Document.Version : Files[0].Document.Version;

    /// <summary>The enforceable controls bound to <paramref name="check"/>; controls at severity none are left out.</summary>
    public ImmutableArray<ControlModel> ControlsFor(CheckKind check)
    {
        var builder = ImmutableArray.CreateBuilder<ControlModel>();
        foreach (var control in Controls)
        {
            if (control.Check == check && control.Severity != ControlSeverity.None)
            {
                builder.Add(control);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Merges the requirements files the compiler was given.</summary>
    /// <param name="candidates">Every additional file marked as a requirements file, with its text (null when it could not be read).</param>
    /// <param name="namedFileProblem">A problem the build itself found with the file it named (missing, a directory), or null.</param>
    /// <param name="today">The effective date for waiver expiry.</param>
    /// <param name="parse">The parser, cached per text by the caller.</param>
    public static ResolvedPolicy Resolve(
        IEnumerable<KeyValuePair<string, SourceText?>> candidates,
        RequirementsFileProblem? namedFileProblem,
        EffectiveDate today,
        Func<SourceText, RequirementsDocument> parse)
    {
        // Ordered by path: additional files otherwise arrive in project order, and "first definition wins" must not depend on it.
        var byPath = new SortedDictionary<string, SourceText?>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!byPath.ContainsKey(candidate.Key))
            {
                byPath.Add(candidate.Key, candidate.Value);
            }
        }

        var files = ImmutableArray.CreateBuilder<RequirementsFile>(byPath.Count);
        var problems = new List<RequirementsFileProblem>();
        if (namedFileProblem is not null)
        {
            problems.Add(namedFileProblem);
        }

        foreach (var pair in byPath)
        {
            if (pair.Value is null)
            {
                problems.Add(new RequirementsFileProblem(pair.Key, RequirementsFileProblem.Unreadable));
            }
            else if (IsBlank(pair.Value))
            {
                problems.Add(new RequirementsFileProblem(pair.Key, RequirementsFileProblem.Empty));
            }
            else
            {
                files.Add(new RequirementsFile(pair.Key, pair.Value, parse(pair.Value)));
            }
        }

        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return Merge(files.ToImmutable(), problems.ToImmutableArray(), today);
    }

    public bool Equals(ResolvedPolicy? other) => other is not null && (ReferenceEquals(this, other) || _identity.Value == other._identity.Value);

    public override bool Equals(object? obj) => Equals(obj as ResolvedPolicy);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_identity.Value);

    private static ResolvedPolicy Merge(ImmutableArray<RequirementsFile> files, ImmutableArray<RequirementsFileProblem> problems, EffectiveDate today)
    {
        if (files.IsEmpty)
        {
            return new ResolvedPolicy(files, problems, BaselineRequirements.Document.Controls, ImmutableArray<ResolvedWaiver>.Empty, ImmutableArray<DuplicateControl>.Empty, today);
        }

        var controls = ImmutableArray.CreateBuilder<ControlModel>();
        var waivers = ImmutableArray.CreateBuilder<ResolvedWaiver>();
        var duplicates = ImmutableArray.CreateBuilder<DuplicateControl>();
        var firstById = new Dictionary<string, (ControlModel Control, RequirementsFile File)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var control in file.Document.Controls)
            {
                if (firstById.TryGetValue(control.Id, out var first))
                {
                    duplicates.Add(new DuplicateControl(control, file, first.Control, first.File));
                    continue;
                }

                firstById.Add(control.Id, (control, file));
                controls.Add(control);
            }

            foreach (var waiver in file.Document.Waivers)
            {
                waivers.Add(ResolvedWaiver.Create(waiver, file, today));
            }
        }

        return new ResolvedPolicy(files, problems, controls.ToImmutable(), waivers.ToImmutable(), duplicates.ToImmutable(), today);
    }

    /// <summary>No YAML content: only whitespace, a byte order mark and comment lines.</summary>
    private static bool IsBlank(SourceText text)
    {
        var inComment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                inComment = false;
            }
            else if (c == '#')
            {
                inComment = true;
            }
            else if (!inComment && !char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private static string Identity(ImmutableArray<RequirementsFile> files, ImmutableArray<RequirementsFileProblem> problems, EffectiveDate today)
    {
        var text = new StringBuilder();
        text.Append(today.Value).Append('|').Append(today.Pinned ? 'p' : 'd');
        foreach (var file in files)
        {
            text.Append('\n').Append(file.Path).Append('=').Append(file.Sha256Hex);
        }

        foreach (var problem in problems)
        {
            text.Append('\n').Append(problem.Path).Append('!').Append(problem.Reason);
        }

        return text.ToString();
    }
}
