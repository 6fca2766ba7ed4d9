using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>
/// SRA3001 and SRA3002 share one setup per compilation (symbols, wrappers, policies and their per-member answers),
/// and still report independently when they run together.
/// </summary>
public sealed class PiiAuditSetupTests
{
    private const string Source = """
        public class Patient { public string Email { get; set; } = ""; }
        public class Clinic
        {
            public string Read(Patient patient) => patient.Email;
            public void Show(Patient patient) => System.Console.WriteLine(patient.Email);
        }
        """;

    [Fact]
    public void OneCompilation_WithTheSameControls_GetsOneSetup()
    {
        var controls = Controls(PiiTestSetup.Yaml);
        var compilation = AnalyzerRunner.Compile(Source);

        var first = PiiAuditSetup.For(compilation, controls);

        Assert.Same(first, PiiAuditSetup.For(compilation, controls));
        Assert.True(first.CanFindAny);
        Assert.NotSame(first, PiiAuditSetup.For(AnalyzerRunner.Compile(Source), controls));
    }

    [Fact]
    public void OtherControls_ForTheSameCompilation_GetTheirOwnSetup_AndLeaveTheSharedOneInPlace()
    {
        var controls = Controls(PiiTestSetup.Yaml);
        var other = Controls(PiiTestSetup.PlainYaml);
        var compilation = AnalyzerRunner.Compile(Source);
        var shared = PiiAuditSetup.For(compilation, controls);

        var own = PiiAuditSetup.For(compilation, other);

        Assert.NotSame(shared, own);
        Assert.Equal(other, own.Controls);
        Assert.Same(shared, PiiAuditSetup.For(compilation, controls));
    }

    [Fact]
    public async Task BothChecks_InOneRun_ReportTheirOwnFindings()
    {
        var result = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(Source), PiiTestSetup.Yaml);

        result.AssertNoAnalyzerExceptions();
        var found = result.Diagnostics
            .Where(d => d.Id is DiagnosticIds.UnauditedPiiRead or DiagnosticIds.PiiWrittenToLog)
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line))
            .OrderBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([(DiagnosticIds.UnauditedPiiRead, 3), (DiagnosticIds.UnauditedPiiRead, 4), (DiagnosticIds.PiiWrittenToLog, 4)], found);
    }

    private static ImmutableArray<ControlModel> Controls(string yaml) =>
        RequirementsParser.Parse(SourceText.From(yaml)).Controls.Where(c => c.Check == CheckKind.PiiAudit).ToImmutableArray();
}
