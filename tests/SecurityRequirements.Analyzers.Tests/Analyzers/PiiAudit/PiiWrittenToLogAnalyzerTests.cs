using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Tests.Verifiers;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.PiiAudit.PiiWrittenToLogAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

public class PiiWrittenToLogAnalyzerTests
{
    private const string Patient = """
        using Microsoft.AspNetCore.Identity;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalData] public string FullName { get; set; } = "";
            public string Email { get; set; } = "";
        }

        public record Visit(int Id, string Ward);
        """;

    private static DiagnosticResult Expect(int marker, string what, string sink) =>
        Verify.Diagnostic(DiagnosticDescriptors.PiiWrittenToLog).WithLocation(marker)
            .WithArguments(PiiTestSetup.ControlId, PiiTestSetup.Requirement, what, sink);

    private static async Task RunAsync(string source, string? yaml, params DiagnosticResult[] expected) =>
        await RunAsync(source, yaml, PiiTestSetup.References, expected);

    private static async Task RunAsync(string source, string? yaml, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = references;
        if (references != PiiTestSetup.WithAspNetCore)
        {
            test.TestState.Sources.Add(("/0/Identity.cs", PiiTestSetup.IdentityAttributes));
        }

        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task PiiPassedToLoggerArguments_ReportsSRA3002()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger<Service> logger)
            {
                void A(Patient p)
                {
                    logger.LogInformation("Patient {Email} opened", {|#0:p.Email|});
                    logger.LogWarning("Patient {Id} {Name}", p.Id, {|#1:p.FullName|});
                    logger.Log(LogLevel.Error, "Failed for {Name}", {|#2:p.FullName|});
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "LoggerExtensions.LogInformation"),
            Expect(1, "Patient.FullName", "LoggerExtensions.LogWarning"),
            Expect(2, "Patient.FullName", "LoggerExtensions.Log"));
    }

    [Fact]
    public async Task PiiInterpolatedOrConcatenatedIntoTheMessage_ReportsThePart()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                void A(Patient p)
                {
                    logger.LogInformation($"Opened {p.Id} for {{|#0:p.Email|}}");
                    logger.LogInformation("Opened for " + {|#1:p.FullName|} + "!");
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "LoggerExtensions.LogInformation"),
            Expect(1, "Patient.FullName", "LoggerExtensions.LogInformation"));
    }

    [Fact]
    public async Task ConsoleDebugAndTrace_ReportSRA3002()
    {
        const string source = """
            using System;
            using System.Diagnostics;
            class Service
            {
                void A(Patient p)
                {
                    Console.WriteLine({|#0:p.Email|});
                    Console.Write("{0}", {|#1:p.FullName|});
                    Debug.WriteLine($"mail {{|#2:p.Email|}}");
                    Trace.TraceInformation({|#3:p.Email|});
                    Console.WriteLine(p.Id);
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "Console.WriteLine"),
            Expect(1, "Patient.FullName", "Console.Write"),
            Expect(2, "Patient.Email", "Debug.WriteLine"),
            Expect(3, "Patient.Email", "Trace.TraceInformation"));
    }

    [Fact]
    public async Task SerilogStyleDestructuring_OfObjectWithPiiMembers_ReportsSRA3002()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                void A(Patient p, Visit v)
                {
                    logger.LogInformation("Loaded {@Patient} at {Ward}", {|#0:p|}, v.Ward);
                    logger.LogInformation("Loaded {@Visit}", v);
                    logger.LogInformation("Loaded patient {PatientId}", p.Id);
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient (destructured with {@...}, it carries Patient.FullName)", "LoggerExtensions.LogInformation"));
    }

    [Fact]
    public async Task RecordWithGeneratedToString_LoggedWhole_ReportsSRA3002()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;
            public record Customer(int Id, string Email);
            public record SafeCustomer(int Id, string Email) { public override string ToString() => $"Customer {Id}"; }
            class Service(ILogger logger)
            {
                void A(Customer c, SafeCustomer s, Visit v)
                {
                    logger.LogInformation("Loaded {Customer}", {|#0:c|});
                    Console.WriteLine({|#1:c|});
                    Console.WriteLine($"Loaded {{|#2:c|}}");
                    logger.LogInformation("Loaded {Customer} {Visit}", s, v);
                }
            }
            """;

        const string what = "Customer (a record, whose generated ToString prints Customer.Email)";
        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, what, "LoggerExtensions.LogInformation"),
            Expect(1, what, "Console.WriteLine"),
            Expect(2, what, "Console.WriteLine"));
    }

    [Fact]
    public async Task LoggerMessageAndTeamAuditCalls_WithPiiArguments_ReportSRA3002()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                parameters:
                  audit_methods: ["MyCompany.Audit.IAuditLog.Record"]
            """;
        const string source = """
            using Microsoft.Extensions.Logging;
            namespace MyCompany.Audit { public interface IAuditLog { void Record(string userId, string action, string ipAddress); } }

            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Opened {Email}")]
                public static partial void Opened(ILogger logger, string email);
                public static partial void Opened(ILogger logger, string email) { }
            }

            class Service(ILogger logger, MyCompany.Audit.IAuditLog audit)
            {
                void A(Patient p, string userId, string ip)
                {
                    Log.Opened(logger, {|#0:p.Email|});
                    audit.Record({|#1:p.Email|}, "read", ip);
                    audit.Record(userId, "read Patient.Email", ip);
                }
            }
            """;

        await RunAsync(source, yaml,
            Expect(0, "Patient.Email", "Log.Opened"),
            Expect(1, "Patient.Email", "IAuditLog.Record"));
    }

    [Fact]
    public async Task EntityKeyMarkedPersonalData_IsAnIdentifierNotPii()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;
            public class AppUser { [PersonalData] public string Id { get; set; } = ""; [PersonalData] public string UserName { get; set; } = ""; }
            class Service(ILogger logger)
            {
                void A(AppUser user) => logger.LogInformation("Signed in {UserId} as {Name}", user.Id, {|#0:user.UserName|});
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "AppUser.UserName", "LoggerExtensions.LogInformation"));
    }

    [Fact]
    public async Task IdsNameofAndNonLoggingCalls_StaySilent()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                string A(Patient p, string userId, string ip)
                {
                    logger.LogInformation("PII access {UserId} {Action} {IpAddress}", userId, "read Patient.Email", ip);
                    logger.LogInformation("Updated {Field} of {PatientId}", nameof(Patient.Email), p.Id);
                    logger.LogInformation("Loaded {Patient}", p.Id);
                    Console.WriteLine(p.Email.Length);
                    Console.WriteLine(string.IsNullOrEmpty(p.Email));
                    return string.Concat(p.Email, "x");
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task NoRequirementsFile_BaselineApplies_AndSeverityNoneSilences()
    {
        const string source = "class S { void A(Patient p) => System.Console.WriteLine({|#0:p.Email|}); }";
        await RunAsync(source, null, Expect(0, "Patient.Email", "Console.WriteLine"));
        await RunAsync(source.Replace("{|#0:p.Email|}", "p.Email"), PiiTestSetup.Yaml + "\n    severity: none\n");
    }

    [Fact]
    public async Task Waiver_SuppressesInItsScope()
    {
        var yaml = PiiTestSetup.Yaml + """

            exceptions:
              - control: SEC-003
                namespace: Diagnostics.Support
                justification: support console on the operator's own machine
                approved_by: privacy-office
                expires: 2027-01-31
            """;
        const string source = """
            namespace Diagnostics.Support { class S { void A(Patient p) => System.Console.WriteLine(p.Email); } }
            namespace App { class S { void A(Patient p) => System.Console.WriteLine({|#0:p.Email|}); } }
            """;
        await RunAsync(source, yaml, Expect(0, "Patient.Email", "Console.WriteLine"));
    }

    [Fact]
    public async Task SignedInUsersPersonalClaimsAndNames_WrittenToLogs_ReportSRA3002()
    {
        const string source = """
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            class Session(ILogger<Session> logger, UserManager<IdentityUser> users)
            {
                async Task A(ClaimsPrincipal user, IdentityUser account)
                {
                    logger.LogInformation("User {Name} signed in", {|#0:user.Identity?.Name|});
                    logger.LogInformation("Mail {Mail}", {|#1:user.FindFirst(ClaimTypes.Email)?.Value|});
                    logger.LogInformation("Mail {Mail}", {|#2:await users.GetEmailAsync(account)|});
                    logger.LogInformation($"Hello {{|#3:user.Identity?.Name|} ?? "anonymous"}");
                    logger.LogInformation("User {UserId} with claim {Claim}", user.FindFirst(ClaimTypes.NameIdentifier)?.Value, ClaimTypes.Email);
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, PiiTestSetup.WithAspNetCore,
            Expect(0, "IIdentity.Name", "LoggerExtensions.LogInformation"),
            Expect(1, "the ClaimTypes.Email claim", "LoggerExtensions.LogInformation"),
            Expect(2, "UserManager.GetEmailAsync", "LoggerExtensions.LogInformation"),
            Expect(3, "IIdentity.Name", "LoggerExtensions.LogInformation"));
    }

    [Fact]
    public async Task TeamLoggingWrappers_ReportThePiiTheirLoggedParametersReceive()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public class AuditTrail(ILogger<AuditTrail> logger)
            {
                public void Record(string userId, string action, string detail) =>
                    logger.LogInformation("PII {UserId} {Action} " + detail, userId, action);
            }

            public class Notifier(ILogger<Notifier> logger)
            {
                public void Notify(string to, string subject) => logger.LogInformation("Notified {Subject}", subject);
            }

            public sealed class SessionLog
            {
                public void LogIn(string user) { }
                public void LogWarning(string message) { }
            }

            class Service(AuditTrail trail, Notifier notifier, SessionLog session)
            {
                void A(Patient p, string userId)
                {
                    trail.Record(userId, "read", {|#0:p.Email|});
                    notifier.Notify(p.Email, "Your results");
                    session.LogIn(p.Email);
                    session.LogWarning({|#1:p.FullName|});
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "AuditTrail.Record"),
            Expect(1, "Patient.FullName", "SessionLog.LogWarning"));
    }

    [Fact]
    public async Task ThirdPartyLoggersByName_WithoutMicrosoftExtensionsLogging_ReportSRA3002()
    {
        const string source = """
            namespace Serilog
            {
                public interface ILogger { void Information(string template, params object?[] values); }
                public static class Log { public static void Warning(string template, params object?[] values) { } }
            }

            class Service(Serilog.ILogger logger)
            {
                void A(Patient p)
                {
                    logger.Information("Opened {Email}", {|#0:p.Email|});
                    Serilog.Log.Warning("Failed for " + {|#1:p.FullName|});
                    System.Console.WriteLine({|#2:p.Email|});
                    System.Console.WriteLine(p.Id);
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, TestReferences.Net80,
            Expect(0, "Patient.Email", "ILogger.Information"),
            Expect(1, "Patient.FullName", "Log.Warning"),
            Expect(2, "Patient.Email", "Console.WriteLine"));
    }

    [Fact]
    public async Task IdentityServerEventsAndConstants_AreNotWrittenToLogs()
    {
        const string source = """
            namespace Duende.IdentityServer.Events { public abstract class Event { } public class UserLoginSuccessEvent : Event { public UserLoginSuccessEvent(string username, string name) { } } }
            namespace Duende.IdentityServer.Services { public interface IEventService { System.Threading.Tasks.Task RaiseAsync(Duende.IdentityServer.Events.Event evt); } }
            namespace IdentityModel { public static class JwtClaimTypes { public const string Email = "email"; } }
            public enum Channel { Email, Sms }

            class Login(Duende.IdentityServer.Services.IEventService events, Microsoft.Extensions.Logging.ILogger logger)
            {
                System.Threading.Tasks.Task A(Patient p)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Requested {Claim} over {Channel}", IdentityModel.JwtClaimTypes.Email, Channel.Email);
                    return events.RaiseAsync(new Duende.IdentityServer.Events.UserLoginSuccessEvent(p.Email, p.FullName));
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }
}
