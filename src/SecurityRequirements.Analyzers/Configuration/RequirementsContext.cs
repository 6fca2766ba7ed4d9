using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The requirements that apply to one compilation: the project's requirements files (or the baseline),
/// merged in path order, with today's date for waiver expiry. Every check creates it in its compilation
/// start action; parsing is cached per <see cref="SourceText"/>, so an edit to C# never re-parses YAML.
/// </summary>
internal sealed class RequirementsContext
{
    public const string FileName = "security_requirements.yaml";
    public const string FileMetadataKey = "build_metadata.AdditionalFiles.SecurityRequirementsFile";
    public const string TodayPropertyKey = "build_property.SecurityRequirementsToday";

    /// <summary>Properties every rule diagnostic carries, for code fixes and tooling.</summary>
    public const string ControlIdProperty = "ControlId";

    private static readonly SourceTextValueProvider<RequirementsDocument> DocumentProvider = new(RequirementsParser.Parse);

    private readonly Compilation? _compilation;
    private readonly ConcurrentDictionary<WaiverModel, ImmutableHashSet<ISymbol>> _waivedSymbols = new();

    private RequirementsContext(
        ImmutableArray<RequirementsFile> files,
        ImmutableArray<ControlModel> controls,
        ImmutableArray<ActiveWaiver> waivers,
        ImmutableArray<DuplicateControl> duplicates,
        string? today,
        Compilation? compilation)
    {
        _compilation = compilation;
        Files = files;
        Controls = controls;
        Waivers = waivers;
        Duplicates = duplicates;
        Today = today;
    }

    /// <summary>The project's requirements files ordered by path; empty when the baseline applies.</summary>
    public ImmutableArray<RequirementsFile> Files { get; }

    public bool UsesBaseline => Files.IsEmpty;

    /// <summary>Every valid control; the first definition of an id wins.</summary>
    public ImmutableArray<ControlModel> Controls { get; }

    public ImmutableArray<ActiveWaiver> Waivers { get; }

    public ImmutableArray<DuplicateControl> Duplicates { get; }

    /// <summary>Today as yyyy-MM-dd from the SecurityRequirementsToday build property; null when not set.</summary>
    public string? Today { get; }

#pragma warning disable RS1012 // The callers register their actions; this only reads options and the parse cache.
    public static RequirementsContext Create(CompilationStartAnalysisContext context) =>
        Create(context.Options, context.Compilation, context.CancellationToken, (SourceText text, out RequirementsDocument document) =>
        {
            var found = context.TryGetValue(text, DocumentProvider, out var cached);
            document = cached!;
            return found;
        });
#pragma warning restore RS1012

    /// <summary>For callers outside an analyzer (tests, benchmarks, the generator) that parse directly.</summary>
    public static RequirementsContext Create(AnalyzerOptions options, Compilation? compilation, CancellationToken cancellationToken) =>
        Create(options, compilation, cancellationToken, (SourceText text, out RequirementsDocument document) =>
        {
            document = RequirementsParser.Parse(text);
            return true;
        });

    public static bool IsRequirementsFile(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider)
    {
        if (string.Equals(System.IO.Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return optionsProvider.GetOptions(file).TryGetValue(FileMetadataKey, out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
    }

    public static string? ReadToday(AnalyzerConfigOptionsProvider optionsProvider)
    {
        if (optionsProvider.GlobalOptions.TryGetValue(TodayPropertyKey, out var value)
            && DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return null;
    }

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

    /// <summary>
    /// Reports a rule diagnostic for <paramref name="control"/> at the control's severity, unless an
    /// unexpired waiver covers the location or its containing symbol.
    /// </summary>
    public void Report(
        Action<Diagnostic> report,
        DiagnosticDescriptor descriptor,
        ControlModel control,
        Location location,
        ISymbol? containingSymbol,
        ImmutableDictionary<string, string?>? properties,
        params object[] messageArguments)
    {
        if (control.Severity == ControlSeverity.None || IsWaived(control, location, containingSymbol))
        {
            return;
        }

        var allProperties = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(ControlIdProperty, control.Id);
        report(Diagnostic.Create(descriptor, location, control.Severity.ToDiagnosticSeverity(), additionalLocations: null, allProperties, messageArguments));
    }

    public bool IsWaived(ControlModel control, Location location, ISymbol? containingSymbol)
    {
        foreach (var entry in Waivers)
        {
            var waiver = entry.Waiver;
            if (!string.Equals(waiver.ControlId, control.Id, StringComparison.Ordinal) || waiver.IsExpiredOn(Today))
            {
                continue;
            }

            switch (waiver.ScopeKind)
            {
                case WaiverScopeKind.Path:
                    var path = location.SourceTree?.FilePath;
                    if (path is not null && waiver.PathGlob!.IsMatch(entry.File.RelativePathOf(path)))
                    {
                        return true;
                    }

                    break;

                case WaiverScopeKind.Symbol:
                    var waived = WaivedSymbols(waiver);
                    for (var symbol = containingSymbol; symbol is not null && !waived.IsEmpty; symbol = symbol.ContainingSymbol)
                    {
                        if (waived.Contains(symbol.OriginalDefinition))
                        {
                            return true;
                        }
                    }

                    break;

                case WaiverScopeKind.Namespace:
                    var ns = containingSymbol as INamespaceSymbol ?? containingSymbol?.ContainingNamespace;
                    var name = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
                    if (name == waiver.Scope || name.StartsWith(waiver.Scope + ".", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The symbols a waiver's documentation id names in this compilation, bound on first use.</summary>
    private ImmutableHashSet<ISymbol> WaivedSymbols(WaiverModel waiver)
    {
        if (_compilation is null)
        {
            return ImmutableHashSet<ISymbol>.Empty;
        }

        return _waivedSymbols.GetOrAdd(waiver, w =>
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(w.Scope, _compilation))
            {
                builder.Add(symbol.OriginalDefinition);
            }

            return builder.ToImmutable();
        });
    }

    private delegate bool DocumentParser(SourceText text, out RequirementsDocument document);

    private static RequirementsContext Create(AnalyzerOptions options, Compilation? compilation, CancellationToken cancellationToken, DocumentParser parse)
    {
        var today = ReadToday(options.AnalyzerConfigOptionsProvider);
        var files = FindFiles(options, cancellationToken, parse);
        if (files.IsEmpty)
        {
            var baseline = BaselineRequirements.Document;
            return new RequirementsContext(files, baseline.Controls, ImmutableArray<ActiveWaiver>.Empty, ImmutableArray<DuplicateControl>.Empty, today, compilation);
        }

        var controls = ImmutableArray.CreateBuilder<ControlModel>();
        var waivers = ImmutableArray.CreateBuilder<ActiveWaiver>();
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
                waivers.Add(new ActiveWaiver(waiver, file));
            }
        }

        return new RequirementsContext(files, controls.ToImmutable(), waivers.ToImmutable(), duplicates.ToImmutable(), today, compilation);
    }

    private static ImmutableArray<RequirementsFile> FindFiles(AnalyzerOptions options, CancellationToken cancellationToken, DocumentParser parse)
    {
        // Ordered by path: additional files otherwise arrive in project order, and "first definition wins" must not depend on it.
        var byPath = new SortedDictionary<string, AdditionalText>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            if (!byPath.ContainsKey(file.Path) && IsRequirementsFile(file, options.AnalyzerConfigOptionsProvider))
            {
                byPath.Add(file.Path, file);
            }
        }

        var builder = ImmutableArray.CreateBuilder<RequirementsFile>(byPath.Count);
        foreach (var pair in byPath)
        {
            var text = pair.Value.GetText(cancellationToken);
            if (text is not null && parse(text, out var document))
            {
                builder.Add(new RequirementsFile(pair.Key, text, document));
            }
        }

        return builder.ToImmutable();
    }
}
