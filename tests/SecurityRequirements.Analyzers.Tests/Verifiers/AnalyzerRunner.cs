using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs every analyzer of the package over in-memory sources and a requirements file with
/// CompilationWithAnalyzers, collecting analyzer exceptions instead of letting the host turn them into AD0001.
/// </summary>
public static class AnalyzerRunner
{
    public const string YamlPath = "/repo/security_requirements.yaml";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(SecurityRequirements.Analyzers.Diagnostics.DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Subject",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/repo/src/File{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static async Task<AnalyzerRunResult> RunAsync(Compilation compilation, string? yaml, string today = "2026-06-01", CancellationToken cancellationToken = default)
    {
        var exceptions = new List<Exception>();
        var additional = yaml is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(YamlPath, yaml));
        var options = new AnalyzerOptions(additional, new TestOptionsProvider(new Dictionary<string, string> { ["build_property.SecurityRequirementsToday"] = today }));
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers,
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        return new AnalyzerRunResult(diagnostics, exceptions);
    }
}

public sealed record AnalyzerRunResult(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)
{
    public IEnumerable<Diagnostic> FileDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("SRA0", StringComparison.Ordinal));

    public void AssertNoAnalyzerExceptions() =>
        Assert.True(Exceptions.Count == 0, "Analyzer exceptions (AD0001): " + string.Join(Environment.NewLine, Exceptions));
}
