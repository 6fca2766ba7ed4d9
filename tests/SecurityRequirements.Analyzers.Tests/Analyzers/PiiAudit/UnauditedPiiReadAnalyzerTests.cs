using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.PiiAudit.UnauditedPiiReadAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

public class UnauditedPiiReadAnalyzerTests
{
    private const string AllFields = "UserId, Action and IpAddress";

    private const string Patient = """
        using Microsoft.AspNetCore.Identity;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalData] public string FullName { get; set; } = "";
            public string Email { get; set; } = "";
            [ProtectedPersonalData] public string? Phone { get; set; }
        }
        """;

    private static DiagnosticResult Expect(int marker, string member, string problem = "no audit call", string id = PiiTestSetup.ControlId, string requirement = PiiTestSetup.Requirement) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnauditedPiiRead).WithLocation(marker).WithArguments(id, requirement, member, problem, AllFields);

    private static async Task RunAsync(string source, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = PiiTestSetup.References;
        test.TestState.Sources.Add(("/0/Identity.cs", PiiTestSetup.IdentityAttributes));
        test.TestState.Sources.Add(("/0/Patient.cs", Patient));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task AttributeAndGlobMarkedReads_WithoutAudit_ReportSRA3001()
    {
        const string source = """
            class Service
            {
                string Name(Patient p) => {|#0:p.FullName|};
                string Mail(Patient p) => {|#1:p.Email|};
                string? Phone(Patient p) => {|#2:p.Phone|};
                int Id(Patient p) => p.Id;
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.FullName"), Expect(1, "Patient.Email"), Expect(2, "Patient.Phone"));
    }

    [Fact]
    public async Task AuditCallWithEveryField_StaysSilent()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger<Service> logger)
            {
                string Show(Patient p, string userId, string ip)
                {
                    logger.LogInformation("PII access {UserId} {Action} {IpAddress}", userId, "read Patient.Email", ip);
                    return p.Email + p.FullName;
                }

                string Synonyms(Patient p, string user, string ip)
                {
                    logger.Log(LogLevel.Information, "PII access {User} {ActionType} {ClientIp:l}", user, "read", ip);
                    return p.Email;
                }

                string Interpolated(Patient p, string userId, string action, string ip)
                {
                    logger.LogInformation($"PII access: user={userId}, action={action}, ip={ip}");
                    return p.Email;
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task AuditCallMissingFields_ReportsTheMissingFields()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                string Show(Patient p, string userId)
                {
                    logger.LogInformation("PII access {UserId} {Action}", userId, "read");
                    return {|#0:p.Email|};
                }

                string Worse(Patient p, string userId)
                {
                    logger.LogWarning("PII access by {UserId}", userId);
                    logger.LogDebug("nothing here");
                    return {|#1:p.Email|};
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "audit call lacks IpAddress"),
            Expect(1, "Patient.Email", "audit call lacks Action and IpAddress"));
    }

    [Fact]
    public async Task Records_PositionalAndBodyProperties_ReportSRA3001()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Tax", "Private"));

            public record Customer(int Id, [property: PersonalData] string FullName, [PrivateData] string Address, string Email)
            {
                [PersonalData] public string? Nickname { get; init; }
            }

            class Service
            {
                string A(Customer c) => {|#0:c.FullName|};
                string B(Customer c) => {|#1:c.Address|};
                string C(Customer c) => {|#2:c.Email|};
                string? D(Customer c) => {|#3:c.Nickname|};
                int E(Customer c) => c.Id;
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Customer.FullName"), Expect(1, "Customer.Address"), Expect(2, "Customer.Email"), Expect(3, "Customer.Nickname"));
    }

    [Fact]
    public async Task PrimaryConstructorParameterOfClass_ReportsSRA3001()
    {
        const string source = """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Tax", "Private"));

            public class Contact([PrivateData] string address, string label)
            {
                public string Describe() => label + {|#0:address|};
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Contact.address"));
    }

    [Fact]
    public async Task ComplianceAttributes_DerivedCountAndNoDataClassificationDoesNot()
    {
        const string source = """
            using Microsoft.Extensions.Compliance.Classification;

            public class EuiiAttribute() : DataClassificationAttribute(new DataClassification("Tax", "EUII"));
            public sealed class StrictEuiiAttribute : EuiiAttribute { }

            public class Account
            {
                [Euii] public string Login { get; set; } = "";
                [StrictEuii] public string Address { get; set; } = "";
                [NoDataClassification] public string Theme { get; set; } = "";
                [UnknownDataClassification] public string Notes { get; set; } = "";
            }

            class Service
            {
                string A(Account a) => {|#0:a.Login|} + {|#1:a.Address|} + a.Theme + {|#2:a.Notes|};
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Account.Login"), Expect(1, "Account.Address"), Expect(2, "Account.Notes"));
    }

    [Fact]
    public async Task InheritedOverriddenAndInterfaceMembers_KeepTheirMarking()
    {
        const string source = """
            using Microsoft.AspNetCore.Identity;

            public interface IPerson { [PersonalData] string DisplayName { get; } }
            public class Person : IPerson
            {
                [PersonalData] public virtual string Surname { get; set; } = "";
                public string DisplayName { get; set; } = "";
                string IPerson.DisplayName => DisplayName;
            }
            public class Employee : Person
            {
                public override string Surname { get; set; } = "";
            }
            public class Visitor : IPerson { public string DisplayName => "guest"; }

            class Service
            {
                string A(Employee e) => {|#0:e.Surname|};
                string B(IPerson p) => {|#1:p.DisplayName|};
                string C(Visitor v) => {|#2:v.DisplayName|};
            }
            """;

        // Person.DisplayName is PII through IPerson only when it implements the interface member; here it is
        // implemented explicitly, so the public property is not marked, while Visitor's implicit one is.
        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Employee.Surname"), Expect(1, "IPerson.DisplayName"), Expect(2, "Visitor.DisplayName"));
    }
}
