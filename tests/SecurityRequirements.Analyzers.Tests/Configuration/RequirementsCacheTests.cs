using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

/// <summary>The YAML is parsed once per text: a new compilation (a C# keystroke) reuses the parsed document.</summary>
public class RequirementsCacheTests
{
    [Fact]
    public async Task NewCompilationWithSameYamlText_ReusesParsedDocument()
    {
        var yaml = new InMemoryAdditionalText("/repo/security_requirements.yaml", "controls:\n  - id: SEC-1\n    requirement: No MD5\n    check: banned\n");
        var recorder = new DocumentRecorder();

        await RunAsync(recorder, yaml, "class A { }");
        await RunAsync(recorder, yaml, "class A { void Edited() { } }");
        await RunAsync(recorder, new InMemoryAdditionalText(yaml.Path, "controls:\n  - id: SEC-2\n    requirement: No MD5\n    check: banned\n"), "class A { }");

        var documents = recorder.Documents.ToArray();
        Assert.Equal(3, documents.Length);
        Assert.Same(documents[0], documents[1]);
        Assert.NotSame(documents[0], documents[2]);
        Assert.Equal("SEC-2", Assert.Single(documents[2].Controls).Id);
    }

    private static async Task RunAsync(DocumentRecorder recorder, AdditionalText yaml, string source)
    {
        var options = new AnalyzerOptions(ImmutableArray.Create(yaml), new TestOptionsProvider(new Dictionary<string, string>()));
        await AnalyzerRunner.Compile(source).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(recorder), options).GetAnalyzerDiagnosticsAsync();
    }

#pragma warning disable RS1036 // A test probe, not a shipped analyzer.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class DocumentRecorder : DiagnosticAnalyzer
    {
        public ConcurrentQueue<RequirementsDocument> Documents { get; } = new();

        // The driver skips an analyzer that supports no diagnostic.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("PROBE01", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => Documents.Enqueue(RequirementsContext.Create(start).Files.Single().Document));
        }
    }
#pragma warning restore RS1036
}
