using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

public class UnauditedPiiReadCodeFixTests
{
    private const string AllFields = "UserId, Action and IpAddress";

    /// <summary>The helper the fix appends to the first fixed file (a new file would break <c>dotnet format</c> builds).</summary>
    private const string AppendedHelper = """

        #nullable enable
        /// <summary>Audit log for reads of personal data (control SEC-003); every read of a PII member calls it first.</summary>
        internal static partial class PiiAuditLog
        {
            [global::Microsoft.Extensions.Logging.LoggerMessage(EventId = 3001, Level = global::Microsoft.Extensions.Logging.LogLevel.Information, Message = "PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}")]
            public static partial void PiiAccessed(global::Microsoft.Extensions.Logging.ILogger logger, string? userId, string? action, string? ipAddress);
        }
        """;

    /// <summary>A helper the project already has, in its own file.</summary>
    private const string Helper = """
        #nullable enable
        using Microsoft.Extensions.Logging;

        /// <summary>Audit log for reads of personal data (control SEC-003); every read of a PII member calls it first.</summary>
        internal static partial class PiiAuditLog
        {
            [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}")]
            public static partial void PiiAccessed(ILogger logger, string? userId, string? action, string? ipAddress);
        }

        """;

    private const string Patient = """
        using Microsoft.AspNetCore.Identity;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalData] public string FullName { get; set; } = "";
            public string Email { get; set; } = "";
        }
        """;

    private static DiagnosticResult Expect(int marker, string member) =>
        PiiAuditFixTest.Diagnostic().WithLocation(marker).WithArguments(PiiTestSetup.ControlId, PiiTestSetup.Requirement, member, "no audit call", AllFields);

    [Fact]
    public async Task ReadInStatement_InsertsAuditCallWithScopeValues_AndAddsHelper()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger<Service> logger)
            {
                public string Show(Patient patient, string userId, string clientIp)
                {
                    // The caller already checked access.
                    var email = {|#0:patient.Email|};
                    return email;
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger<Service> logger)
            {
                public string Show(Patient patient, string userId, string clientIp)
                {
                    PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email in Service.Show", clientIp);
                    // The caller already checked access.
                    var email = patient.Email;
                    return email;
                }
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource + AppendedHelper);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllAcrossDocuments_AddsTheHelperOnce_AndOneCallPerBody()
    {
        const string first = """
            using System.Linq;
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            class Export(ILogger logger)
            {
                public List<string> Mails(List<Patient> patients, string userId, string ipAddress)
                {
                    var count = patients.Count;
                    return patients.Select(p => {|#0:p.Email|} + {|#1:p.FullName|}).ToList();
                }

                public string Name(Patient p, string userId, string ipAddress) => {|#2:p.FullName|};
            }
            """;
        const string firstFixed = """
            using System.Linq;
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            class Export(ILogger logger)
            {
                public List<string> Mails(List<Patient> patients, string userId, string ipAddress)
                {
                    var count = patients.Count;
                    PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email in Export.Mails", ipAddress);
                    return patients.Select(p => p.Email + p.FullName).ToList();
                }

                public string Name(Patient p, string userId, string ipAddress)
                {
                    PiiAuditLog.PiiAccessed(logger, userId, "read Patient.FullName in Export.Name", ipAddress);
                    return p.FullName;
                }
            }
            """;
        const string second = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            class Notifier
            {
                private readonly ILogger<Notifier> _logger;
                public Notifier(ILogger<Notifier> logger) => _logger = logger;

                public async Task Send(Patient patient, int userId, System.Net.IPAddress clientIp)
                {
                    await Task.Yield();
                    if (patient.Id > 0)
                    {
                        Deliver({|#3:patient.Email|});
                    }
                }

                private static void Deliver(string address) { }
            }
            """;
        const string secondFixed = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            class Notifier
            {
                private readonly ILogger<Notifier> _logger;
                public Notifier(ILogger<Notifier> logger) => _logger = logger;

                public async Task Send(Patient patient, int userId, System.Net.IPAddress clientIp)
                {
                    await Task.Yield();
                    if (patient.Id > 0)
                    {
                        PiiAuditLog.PiiAccessed(_logger, userId.ToString(), "read Patient.Email in Notifier.Send", clientIp?.ToString());
                        Deliver(patient.Email);
                    }
                }

                private static void Deliver(string address) { }
            }
            """;

        var test = new PiiAuditFixTest(first, firstFixed + AppendedHelper);
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Test1.cs", secondFixed));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(new[] { Expect(0, "Patient.Email"), Expect(1, "Patient.FullName"), Expect(2, "Patient.FullName"), Expect(3, "Patient.Email") });
        test.NumberOfIncrementalIterations = 3;
        await test.RunAsync();
    }

    [Fact]
    public async Task ExistingHelper_IsReused()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                public void Show(Patient p, string user, string remoteIp)
                {
                    System.Console.Write({|#0:p.FullName|}.Length);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                public void Show(Patient p, string user, string remoteIp)
                {
                    PiiAuditLog.PiiAccessed(logger, user, "read Patient.FullName in Service.Show", remoteIp);
                    System.Console.Write(p.FullName.Length);
                }
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.TestState.Sources.Add(("/0/Audit/PiiAuditLog.cs", Helper));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Audit/PiiAuditLog.cs", Helper));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.FullName"));
        await test.RunAsync();
    }

    [Fact]
    public async Task HttpContextInScope_SuppliesUserAndRemoteIp()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;
            public class Customer { public string Email { get; set; } = ""; }
            class Endpoint(ILogger<Endpoint> logger, IHttpContextAccessor accessor)
            {
                public string Direct(HttpContext context, Customer customer)
                {
                    return {|#0:customer.Email|};
                }

                public string ViaAccessor(Customer customer)
                {
                    return {|#1:customer.Email|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;
            public class Customer { public string Email { get; set; } = ""; }
            class Endpoint(ILogger<Endpoint> logger, IHttpContextAccessor accessor)
            {
                public string Direct(HttpContext context, Customer customer)
                {
                    PiiAuditLog.PiiAccessed(logger, context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, "read Customer.Email in Endpoint.Direct", context.Connection.RemoteIpAddress?.ToString());
                    return customer.Email;
                }

                public string ViaAccessor(Customer customer)
                {
                    PiiAuditLog.PiiAccessed(logger, accessor.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, "read Customer.Email in Endpoint.ViaAccessor", accessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
                    return customer.Email;
                }
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource + AppendedHelper);
        test.ReferenceAssemblies = PiiTestSetup.WithAspNetCore;
        test.ExpectedDiagnostics.AddRange(new[] { Expect(0, "Customer.Email"), Expect(1, "Customer.Email") });
        await test.RunAsync();
    }

    [Fact]
    public async Task NoLoggerInScope_OffersNoFix()
    {
        const string source = """
            class Service
            {
                public string Show(Patient p, string userId, string ip)
                {
                    return {|#0:p.Email|};
                }
            }
            """;

        var test = new PiiAuditFixTest(source, source);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TeamAuditMethodConfigured_OffersNoLoggerHelperFix()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["MyCompany.Audit.IAuditLog.Record"]
            """;
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                public string Show(Patient p, string userId, string ip)
                {
                    return {|#0:p.Email|};
                }
            }
            """;

        var test = new PiiAuditFixTest(source, source, yaml);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExpressionBodiedAsyncMethodLocalFunctionAndStaticMethod_BecomeBlocks()
    {
        const string source = """
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            static class Mailer
            {
                public static async Task Send(ILogger logger, Patient p, ClaimsPrincipal principal, string clientIp) => await Deliver({|#0:p.Email|});

                public static string Outer(ILogger logger, Patient p, string ipAddress, System.Guid userId)
                {
                    return Name();
                    string Name() => {|#1:p.FullName|};
                }

                private static Task Deliver(string address) => Task.CompletedTask;
            }
            """;
        const string fixedSource = """
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            static class Mailer
            {
                public static async Task Send(ILogger logger, Patient p, ClaimsPrincipal principal, string clientIp)
                {
                    PiiAuditLog.PiiAccessed(logger, principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, "read Patient.Email in Mailer.Send", clientIp);
                    await Deliver(p.Email);
                }

                public static string Outer(ILogger logger, Patient p, string ipAddress, System.Guid userId)
                {
                    return Name();
                    string Name()
                    {
                        PiiAuditLog.PiiAccessed(logger, userId.ToString(), "read Patient.FullName in Mailer.Outer", ipAddress);
                        return p.FullName;
                    }
                }

                private static Task Deliver(string address) => Task.CompletedTask;
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource + AppendedHelper);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(new[] { Expect(0, "Patient.Email"), Expect(1, "Patient.FullName") });
        await test.RunAsync();
    }

    [Fact]
    public async Task FileScopedNamespace_HelperLandsInsideIt()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            namespace Clinic.Records;

            class Service(ILogger logger)
            {
                public string Show(Patient p, string userId, string ipAddress) => {|#0:p.Email|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;

            namespace Clinic.Records;

            class Service(ILogger logger)
            {
                public string Show(Patient p, string userId, string ipAddress)
                {
                    PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email in Service.Show", ipAddress);
                    return p.Email;
                }
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource + AppendedHelper);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExistingHelperInAnotherNamespace_IsCalledByItsQualifiedName()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                public string Show(Patient p, string userId, string ipAddress) => {|#0:p.Email|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                public string Show(Patient p, string userId, string ipAddress)
                {
                    Clinic.Audit.PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email in Service.Show", ipAddress);
                    return p.Email;
                }
            }
            """;
        const string namespacedHelper = "namespace Clinic.Audit;\n" + Helper;

        var test = new PiiAuditFixTest(source, fixedSource);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.TestState.Sources.Add(("/0/Audit/PiiAuditLog.cs", namespacedHelper));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Audit/PiiAuditLog.cs", namespacedHelper));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FieldWithNoSourceInScope_OffersNoFix_RatherThanNullOrAMadeUpValue()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            public class User { public int Id { get; set; } }
            class Service(ILogger logger)
            {
                // No IP address anywhere in scope.
                public string NoIp(Patient p, string userId) => {|#0:p.Email|};

                // No user: an entity named "user" is not an id, and would log its type name.
                public string NoUser(Patient p, User user, string ipAddress) => {|#1:p.Email|};

                // Nothing at all.
                public string Nothing(Patient p) => {|#2:p.Email|};
            }
            """;

        var test = new PiiAuditFixTest(source, source);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(new[] { Expect(0, "Patient.Email"), Expect(1, "Patient.Email"), Expect(2, "Patient.Email") });
        await test.RunAsync();
    }
}
