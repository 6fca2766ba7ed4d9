using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>Thin alias over the Roslyn analyzer test harness with .NET 8 references and an optional requirements file.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string RequirementsPath = "/0/security_requirements.yaml";

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Test Create(string source, string? yaml, string? today = "2026-06-01")
    {
        var test = new Test { TestCode = source };
        if (yaml is not null)
        {
            test.TestState.AdditionalFiles.Add((RequirementsPath, yaml));
        }

        if (today is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.SecurityRequirementsToday = {today}\n"));
        }

        return test;
    }

    public static async Task VerifyAsync(string source, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Create(source, yaml);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
        }
    }
}
