using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.CodeFixes.PiiAudit;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.CodeFixVerifier<
    SecurityRequirements.Analyzers.Analyzers.PiiAudit.PiiWrittenToLogAnalyzer,
    SecurityRequirements.Analyzers.CodeFixes.PiiAudit.PiiWrittenToLogCodeFixProvider>;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

public class PiiWrittenToLogCodeFixTests
{
    private const string Patient = """
        public class Patient
        {
            public int Id { get; set; }
            public string Email { get; set; } = "";
        }

        public class Contact { public string Email { get; set; } = ""; }
        """;

    private static DiagnosticResult Expect(int marker, string what, string sink) =>
        Verify.Diagnostic(DiagnosticDescriptors.PiiWrittenToLog).WithLocation(marker).WithArguments(PiiTestSetup.ControlId, PiiTestSetup.Requirement, what, sink);

    private static async Task RunAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, fixedSource, PiiTestSetup.Yaml);
        test.ReferenceAssemblies = PiiTestSetup.References;
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task TemplateArgumentAndInterpolation_LogTheIdAndRenameThePlaceholder()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                void A(Patient p)
                {
                    logger.LogInformation("Reminder for {Email:l} sent at {Time}", {|#0:p.Email|}, System.DateTime.UtcNow);
                    System.Console.WriteLine($"Sent to {{|#1:p.Email|}}");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                void A(Patient p)
                {
                    logger.LogInformation("Reminder for {PatientId:l} sent at {Time}", p.Id, System.DateTime.UtcNow);
                    System.Console.WriteLine($"Sent to {p.Id}");
                }
            }
            """;

        await RunAsync(source, fixedSource,
            Expect(0, "Patient.Email", "LoggerExtensions.LogInformation"),
            Expect(1, "Patient.Email", "Console.WriteLine"));
    }

    [Fact]
    public async Task NoIdOrNoLiteralTemplate_OffersNoFix()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                const string Template = "Mail {Email}";
                void A(Contact c, Patient p)
                {
                    logger.LogInformation("Mail {Email}", {|#0:c.Email|});
                    logger.LogInformation(Template, {|#1:p.Email|});
                }
            }
            """;

        await RunAsync(source, source,
            Expect(0, "Contact.Email", "LoggerExtensions.LogInformation"),
            Expect(1, "Patient.Email", "LoggerExtensions.LogInformation"));
    }

    [Theory]
    [InlineData("Hi {Name} {{x}} {@Who,5}", 1, "Hi {Name} {{x}} {@PatientId,5}")]
    [InlineData("{A}{B}", 0, "{PatientId}{B}")]
    [InlineData("{A}", 3, null)]
    public void RenamePlaceholder_KeepsEscapesDestructuringAndAlignment(string template, int index, string? expected)
    {
        Assert.Equal(expected, PiiWrittenToLogCodeFixProvider.RenamePlaceholder(template, index, "PatientId"));
    }
}
