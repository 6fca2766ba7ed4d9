using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>
/// Thin alias over the Roslyn code-fix test harness: .NET 8 references, the requirements file in both states,
/// and the harness's default checks (fixed code compiles without errors, Fix All runs).
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Test Create(string source, string fixedSource, string? yaml, string? today = "2026-06-01")
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        if (yaml is not null)
        {
            test.TestState.AdditionalFiles.Add((AnalyzerVerifier<TAnalyzer>.RequirementsPath, yaml));
        }

        if (today is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.SecurityRequirementsToday = {today}\n"));
        }

        return test;
    }

    public static async Task VerifyAsync(string source, string fixedSource, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource, yaml);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
        }
    }
}
