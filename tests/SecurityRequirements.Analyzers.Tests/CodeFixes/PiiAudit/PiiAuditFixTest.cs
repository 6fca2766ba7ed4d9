using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.CodeFixes.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

/// <summary>
/// The SRA3001 fix test: real logging package, and the package's own LoggerMessage source generator, so
/// "fixed code compiles" includes the generated body of the [LoggerMessage] helper the fix adds.
/// </summary>
internal sealed class PiiAuditFixTest : CSharpCodeFixTest<UnauditedPiiReadAnalyzer, UnauditedPiiReadCodeFixProvider, DefaultVerifier>
{
    /// <summary>The logging package's LoggerMessage generator; the brief's snippet test runs it too.</summary>
    internal static readonly Lazy<Type> LoggerMessageGenerator = new(LoadGenerator);

    public PiiAuditFixTest(string source, string fixedSource, string? yaml = PiiTestSetup.Yaml)
    {
        ReferenceAssemblies = PiiTestSetup.References;
        TestCode = source;
        FixedCode = fixedSource;
        TestState.Sources.Add(("/0/Identity.cs", PiiTestSetup.IdentityAttributes));
        FixedState.Sources.Add(("/0/Identity.cs", PiiTestSetup.IdentityAttributes));
        if (yaml is not null)
        {
            TestState.AdditionalFiles.Add(("/0/security_requirements.yaml", yaml));
        }

        // The generated body is the logging package's business; what matters is that the fixed code compiles with it.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.SecurityRequirementsToday = 2026-06-01\n"));
    }

    public static DiagnosticResult Diagnostic() => new(SecurityRequirements.Analyzers.Diagnostics.DiagnosticDescriptors.UnauditedPiiRead);

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { LoggerMessageGenerator.Value };

    /// <summary>The generator ships in the logging package's analyzers folder; the reference set's restore resolved it.</summary>
    private static Type LoadGenerator()
    {
        var path = TestReferences.Analyzer("PiiLogging", "Microsoft.Extensions.Logging.Generators.dll");
        return Assembly.LoadFrom(path).GetType("Microsoft.Extensions.Logging.Generators.LoggerMessageGenerator", throwOnError: true)!;
    }
}
