using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The policy of one compilation as a check sees it: the <see cref="ResolvedPolicy"/> plus what needs the compilation
/// (waived symbols, generated files). Every check creates it in its compilation start action; the policy is resolved
/// once per set of analyzer options (so once per compilation, however many checks run) and parsing is cached per
/// <see cref="SourceText"/>, so an edit to C# never re-parses YAML.
/// </summary>
internal sealed class RequirementsContext
{
    public const string FileName = "security_requirements.yaml";
    public const string FileMetadataKey = "build_metadata.AdditionalFiles.SecurityRequirementsFile";
    public const string TodayPropertyKey = "build_property.SecurityRequirementsToday";
    public const string TodayPinnedPropertyKey = "build_property.SecurityRequirementsTodayPinned";
    public const string NamedFilePropertyKey = "build_property.SecurityRequirementsFile";
    public const string NamedFileStatePropertyKey = "build_property.SecurityRequirementsFileState";

    /// <summary>Properties every rule diagnostic carries, for code fixes and tooling.</summary>
    public const string ControlIdProperty = "ControlId";

    private static readonly ConditionalWeakTable<SourceText, RequirementsDocument> Documents = new();
    private static readonly ConditionalWeakTable<SourceText, RequirementsDocument>.CreateValueCallback ParseCallback = RequirementsParser.Parse;
    private static readonly ConditionalWeakTable<AnalyzerOptions, ResolvedPolicy> Policies = new();
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<WaiverModel, ImmutableHashSet<ISymbol>>> WaivedSymbolsByCompilation = new();

    private readonly Compilation? _compilation;
    private readonly AnalyzerConfigOptionsProvider? _optionsProvider;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _generatedTrees = new();

    private RequirementsContext(ResolvedPolicy policy, Compilation? compilation, AnalyzerConfigOptionsProvider? optionsProvider)
    {
        Policy = policy;
        _compilation = compilation;
        _optionsProvider = optionsProvider;
    }

    public ResolvedPolicy Policy { get; }

    /// <summary>The project's usable requirements files ordered by path; empty when the baseline applies.</summary>
    public ImmutableArray<RequirementsFile> Files => Policy.Files;

    public bool UsesBaseline => Policy.UsesBaseline;

    /// <summary>Every valid control; the first definition of an id wins.</summary>
    public ImmutableArray<ControlModel> Controls => Policy.Controls;

    public ImmutableArray<ResolvedWaiver> Waivers => Policy.Waivers;

    public ImmutableArray<DuplicateControl> Duplicates => Policy.Duplicates;

    /// <summary>Today as yyyy-MM-dd from the SecurityRequirementsToday build property; null when not set.</summary>
    public string? Today => Policy.Today.Value;

#pragma warning disable RS1012 // The callers register their actions; this only reads the options.
    public static RequirementsContext Create(CompilationStartAnalysisContext context) =>
        new(PolicyOf(context.Options, context.CancellationToken), context.Compilation, context.Options.AnalyzerConfigOptionsProvider);
#pragma warning restore RS1012

    /// <summary>For callers outside an analyzer (tests, benchmarks) that resolve the policy directly.</summary>
    public static RequirementsContext Create(AnalyzerOptions options, Compilation? compilation, CancellationToken cancellationToken) =>
        new(Resolve(options, cancellationToken), compilation, options.AnalyzerConfigOptionsProvider);

    /// <summary>The parsed document of a requirements text, parsed once per text instance in this process.</summary>
    public static RequirementsDocument Parse(SourceText text) => Documents.GetValue(text, ParseCallback);

    /// <summary>The policy of these analyzer options: resolved once, shared by every check of the compilation.</summary>
    public static ResolvedPolicy PolicyOf(AnalyzerOptions options, CancellationToken cancellationToken) =>
        Policies.GetValue(options, o => Resolve(o, cancellationToken));

    public static ResolvedPolicy Resolve(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var candidates = new List<KeyValuePair<string, SourceText?>>();
        foreach (var file in options.AdditionalFiles)
        {
            if (IsRequirementsFile(file, options.AnalyzerConfigOptionsProvider))
            {
                candidates.Add(new KeyValuePair<string, SourceText?>(file.Path, file.GetText(cancellationToken)));
            }
        }

        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return ResolvedPolicy.Resolve(candidates, ReadNamedFileProblem(global), ReadToday(global), Parse);
    }

    public static bool IsRequirementsFile(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider)
    {
        if (string.Equals(System.IO.Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return optionsProvider.GetOptions(file).TryGetValue(FileMetadataKey, out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The effective date: SecurityRequirementsToday (yyyy-MM-dd) and whether the project pinned it.</summary>
    public static EffectiveDate ReadToday(AnalyzerConfigOptions global)
    {
        if (global.TryGetValue(TodayPropertyKey, out var value)
            && DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var pinned = global.TryGetValue(TodayPinnedPropertyKey, out var flag) && string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            return new EffectiveDate(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pinned);
        }

        return EffectiveDate.Unknown;
    }

    /// <summary>What the package's targets found wrong with the file the project named (it does not exist, or is a directory).</summary>
    public static RequirementsFileProblem? ReadNamedFileProblem(AnalyzerConfigOptions global)
    {
        if (!global.TryGetValue(NamedFileStatePropertyKey, out var state) || !global.TryGetValue(NamedFilePropertyKey, out var path)
            || string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return state.Trim().ToLowerInvariant() switch
        {
            "missing" => new RequirementsFileProblem(path.Trim(), RequirementsFileProblem.Missing),
            "directory" => new RequirementsFileProblem(path.Trim(), RequirementsFileProblem.Directory),
            _ => null,
        };
    }

    /// <summary>The enforceable controls bound to <paramref name="check"/>; controls at severity none are left out.</summary>
    public ImmutableArray<ControlModel> ControlsFor(CheckKind check) => Policy.ControlsFor(check);

    /// <summary>
    /// Reports a rule diagnostic for <paramref name="control"/> at the control's severity, unless an unexpired waiver
    /// covers the location or its containing symbol, or the control skips generated code and the file is generated.
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
        if (control.Severity == ControlSeverity.None || IsWaived(control, location, containingSymbol)
            || (control.SkipGeneratedCode && location.SourceTree is { } tree && IsGenerated(tree)))
        {
            return;
        }

        var allProperties = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(ControlIdProperty, control.Id);
        report(Diagnostic.Create(descriptor, location, control.Severity.ToDiagnosticSeverity(), additionalLocations: null, allProperties, messageArguments));
    }

    public bool IsWaived(ControlModel control, Location location, ISymbol? containingSymbol)
    {
        foreach (var entry in Policy.Waivers)
        {
            var waiver = entry.Waiver;
            if (entry.Expired || !string.Equals(waiver.ControlId, control.Id, StringComparison.Ordinal))
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
                    if (WaiverReach.NamespaceCovers(waiver.Scope, name))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="tree"/> is generated code by name, header or <c>generated_code</c> configuration.</summary>
    public bool IsGenerated(SyntaxTree tree) =>
        _generatedTrees.GetOrAdd(tree, t => GeneratedFiles.ReasonFor(t, _optionsProvider?.GetOptions(t), CancellationToken.None) is not null);

    /// <summary>The symbols a waiver's documentation id names in this compilation, bound on first use and shared by every check.</summary>
    private ImmutableHashSet<ISymbol> WaivedSymbols(WaiverModel waiver)
    {
        if (_compilation is null)
        {
            return ImmutableHashSet<ISymbol>.Empty;
        }

        var compilation = _compilation;
        return WaivedSymbolsByCompilation.GetValue(compilation, _ => new ConcurrentDictionary<WaiverModel, ImmutableHashSet<ISymbol>>())
            .GetOrAdd(waiver, w =>
            {
                var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(w.Scope, compilation))
                {
                    builder.Add(symbol.OriginalDefinition);
                }

                return builder.ToImmutable();
            });
    }
}
