using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// The PII audit fixes applied with Fix All, compiled with the logging source generator against ASP.NET Core, and run
/// inside a request: the audit line names the signed-in user, the action and the client's IP address, and the
/// personal data never reaches the log.
/// </summary>
public class PiiAuditFixRuntimeTests
{
    /// <summary>An ILogger that keeps every formatted line with its named values, written into the run.</summary>
    private const string CapturingLogger = """

        public sealed class CapturingLogger : Microsoft.Extensions.Logging.ILogger
        {
            public List<string> Lines { get; } = new();

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(" ", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => p.Key + "=" + (p.Value ?? "(null)")))
                    : "";
                Lines.Add(eventId.Id + " | " + formatter(state, exception) + " | " + values);
            }
        }
        """;

    private static IEnumerable<ISourceGenerator> LoggerMessageGenerator =>
        [((IIncrementalGenerator)Activator.CreateInstance(PiiAuditFixTest.LoggerMessageGenerator.Value)!).AsSourceGenerator()];

    [Fact]
    public async Task Sra3001_AuditCallsCarryTheSignedInUserTheActionAndTheClientIp()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, PiiTestSetup.Yaml, Fixers.For("SRA3001"), LoggerMessageGenerator,
            ("Patient.cs", """
                using Microsoft.AspNetCore.Identity;

                namespace Clinic;

                public sealed class Patient
                {
                    public int Id { get; set; }

                    [PersonalData]
                    public string FullName { get; set; } = "";
                }
                """),
            ("PatientsController.cs", """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;

                namespace Clinic;

                public sealed class PatientsController(ILogger<PatientsController> logger) : ControllerBase
                {
                    public string Name(Patient patient) => patient.FullName;
                }
                """),
            ("Services.cs", """
                using System.Security.Claims;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.Logging;

                namespace Clinic;

                public sealed class PatientDirectory(ILogger<PatientDirectory> logger, IHttpContextAccessor accessor)
                {
                    public string Lookup(Patient patient)
                    {
                        var name = patient.FullName;
                        return name;
                    }
                }

                public static class Endpoints
                {
                    public static string Show(HttpContext context, ILogger logger, Patient patient) => patient.FullName;

                    public static string Export(ClaimsPrincipal principal, string clientIp, ILogger logger, Patient patient)
                    {
                        return patient.FullName.ToUpperInvariant();
                    }
                }
                """));

        Assert.DoesNotContain("SRA3001", fixedProject.RemainingIds);
        var fixedText = string.Concat(await Task.WhenAll(fixedProject.Project.Documents.Select(async d => (await d.GetTextAsync()).ToString())));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(fixedText, @"PiiAuditLog\.PiiAccessed\("));
        Assert.DoesNotMatch(@"PiiAccessed\([^;]*\b(null|default)\b", fixedText);

        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            using Clinic;
            using System.Net;
            using System.Security.Claims;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Harness
            {
                public static string Run()
                {
                    var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-42")], "test")) };
                    http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                    var logger = new CapturingLogger();
                    var patient = new Patient { Id = 7, FullName = "Ada Lovelace" };

                    var controller = new PatientsController(new Typed<PatientsController>(logger)) { ControllerContext = new ControllerContext { HttpContext = http } };
                    controller.Name(patient);
                    new PatientDirectory(new Typed<PatientDirectory>(logger), new HttpContextAccessor { HttpContext = http }).Lookup(patient);
                    Endpoints.Show(http, logger, patient);
                    Endpoints.Export(http.User, "198.51.100.1", logger, patient);
                    return string.Join("\n", logger.Lines);
                }

                private sealed class Typed<T>(CapturingLogger inner) : Microsoft.Extensions.Logging.ILogger<T>
                {
                    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
                    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
                    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                        inner.Log(logLevel, eventId, state, exception, formatter);
                }
            }
            """ + CapturingLogger);

        Assert.Equal(
            """
            3001 | PII access: UserId=user-42 Action=read Patient.FullName in PatientsController.Name IpAddress=203.0.113.7 | UserId=user-42 Action=read Patient.FullName in PatientsController.Name IpAddress=203.0.113.7
            3001 | PII access: UserId=user-42 Action=read Patient.FullName in PatientDirectory.Lookup IpAddress=203.0.113.7 | UserId=user-42 Action=read Patient.FullName in PatientDirectory.Lookup IpAddress=203.0.113.7
            3001 | PII access: UserId=user-42 Action=read Patient.FullName in Endpoints.Show IpAddress=203.0.113.7 | UserId=user-42 Action=read Patient.FullName in Endpoints.Show IpAddress=203.0.113.7
            3001 | PII access: UserId=user-42 Action=read Patient.FullName in Endpoints.Export IpAddress=198.51.100.1 | UserId=user-42 Action=read Patient.FullName in Endpoints.Export IpAddress=198.51.100.1
            """.ReplaceLineEndings("\n"),
            result);
    }

    [Fact]
    public async Task Sra3001_NoUserOrIpInScope_OffersNoFix_AndTheAnalyzerKeepsReportingNullAudits()
    {
        // The old fix wrote PiiAuditLog.PiiAccessed(logger, null, "read …", null) here, and the analyzer then accepted it.
        const string source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            namespace Clinic;

            public sealed class Patient
            {
                [PersonalData]
                public string FullName { get; set; } = "";
            }

            public sealed class Records(ILogger<Records> logger)
            {
                public string Contact(Patient patient) => patient.FullName;

                public string Audited(Patient patient)
                {
                    logger.LogInformation("PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}", null, "read", null);
                    return patient.FullName;
                }
            }
            """;

        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, PiiTestSetup.Yaml, Fixers.For("SRA3001"), LoggerMessageGenerator, ("Records.cs", source));

        Assert.Empty(fixedProject.Applied);
        Assert.Equal(source, await fixedProject.TextAsync("Records.cs"));
        Assert.Equal(2, fixedProject.Remaining.Count(d => d.Id == "SRA3001"));
    }

    [Fact]
    public async Task Sra3002_TheLogCarriesTheRecordIdNotThePersonalData()
    {
        var fixedProject = await FixedProject.ApplyAsync(RuntimeReferences.AspNetCore, PiiTestSetup.Yaml, Fixers.For("SRA3002"), LoggerMessageGenerator,
            ("Customer.cs", """
                using Microsoft.AspNetCore.Identity;

                namespace Shop;

                public sealed class Customer
                {
                    public int Id { get; set; }

                    [PersonalData]
                    public string Email { get; set; } = "";
                }
                """),
            ("Newsletter.cs", """
                using Microsoft.Extensions.Logging;

                namespace Shop;

                public static class Newsletter
                {
                    public static void Send(ILogger logger, Customer customer, string userId, string ipAddress)
                    {
                        logger.LogInformation("PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}", userId, "send newsletter", ipAddress);
                        logger.LogInformation("Sending newsletter to {Email}", customer.Email);
                    }
                }
                """));

        Assert.DoesNotContain("SRA3002", fixedProject.RemainingIds);
        var result = await fixedProject.RunAsync(RuntimeReferences.AspNetCore, """
            public static class Harness
            {
                public static string Run()
                {
                    var logger = new CapturingLogger();
                    Shop.Newsletter.Send(logger, new Shop.Customer { Id = 7, Email = "ada@example.com" }, "user-42", "203.0.113.7");
                    return logger.Lines[1];
                }
            }
            """ + CapturingLogger);

        Assert.Equal("0 | Sending newsletter to 7 | CustomerId=7", result);
    }
}
