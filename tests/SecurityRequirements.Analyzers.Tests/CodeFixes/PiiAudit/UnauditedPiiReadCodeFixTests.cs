using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.PiiAudit;

public class UnauditedPiiReadCodeFixTests
{
    private const string AllFields = "UserId, Action and IpAddress";

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
                    PiiAuditLog.PiiAccessed(logger, userId, "read Patient.Email", clientIp);
                    // The caller already checked access.
                    var email = patient.Email;
                    return email;
                }
            }
            """;

        var test = new PiiAuditFixTest(source, fixedSource);
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("/0/Patient.cs", Patient));
        test.FixedState.Sources.Add(("PiiAuditLog.cs", Helper));
        test.ExpectedDiagnostics.Add(Expect(0, "Patient.Email"));
        await test.RunAsync();
    }
}
