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
    public async Task PrimaryConstructorParameterOfClass_IsItsOwnState_ReadFromOutsideThroughAProperty()
    {
        const string source = """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Tax", "Private"));

            public class Contact([PrivateData] string location, string label)
            {
                public string Describe() => label + location;
                [PrivateData] public string Location => location;
            }

            class Service
            {
                string A(Contact c) => {|#0:c.Location|};
            }
            """;

        // The parameter is the type's own state: reading it inside Contact is not access; reading the marked
        // property from another type is.
        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Contact.Location"));
    }

    [Fact]
    public async Task PrimaryConstructorParameterStoredInStateOrPassedToBase_IsNotARead()
    {
        const string source = """
            public class Person(string email) { public string Contact { get; } = email; }
            public class Member(string email, int id) : Person(email)
            {
                private readonly string _mail = email;
                public int Id { get; } = id;
            }
            public record Subscriber(string Email)
            {
                public string Email { get; init; } = Email.Trim();
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
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

    [Fact]
    public async Task TypeGlob_MatchesItsTypesMembers_OverridesAndImplementations_NotOtherTypes()
    {
        // No personal-data attribute exists here, so members are ruled out by name before anything is cached: a glob
        // must fit the type's name as well, except where an override or an interface implementation can carry it.
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_members: ["*PrivateKeyParameters.*"]
            """;
        const string source = """
            public class RsaPrivateKeyParameters { public byte[] Exponent = new byte[0]; public virtual string Label { get; set; } = ""; }
            public class KeyWrapper : RsaPrivateKeyParameters { public override string Label { get; set; } = ""; }
            public interface IEcPrivateKeyParameters { string D { get; } }
            public class EcKey : IEcPrivateKeyParameters { public string D => "d"; }
            public class Certificate { public byte[] Exponent = new byte[0]; public string Label { get; set; } = ""; }

            class Service
            {
                object A(RsaPrivateKeyParameters k) => {|#0:k.Exponent|};
                string B(KeyWrapper k) => {|#1:k.Label|};
                string C(EcKey k) => {|#2:k.D|};
                object D(Certificate c) => c.Exponent;
                string E(Certificate c) => c.Label;
            }
            """;

        var test = Verify.Create(source, yaml);
        test.ExpectedDiagnostics.AddRange([Expect(0, "RsaPrivateKeyParameters.Exponent"), Expect(1, "KeyWrapper.Label"), Expect(2, "EcKey.D")]);
        await test.RunAsync();
    }

    [Fact]
    public async Task LambdasAndLocalFunctions_AuditInEnclosingBodyCovers_AuditInNestedBodyDoesNot()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                List<string> Covered(List<Patient> patients, string userId, string ip)
                {
                    logger.LogInformation("Export {UserId} {Action} {IpAddress}", userId, "export emails", ip);
                    return patients.Select(p => p.Email).ToList();
                }

                string CoveredLocal(Patient p, string userId, string ip)
                {
                    logger.LogInformation("Read {UserId} {Action} {IpAddress}", userId, "read", ip);
                    return Mail();
                    string Mail() => p.Email;
                }

                List<string> Uncovered(List<Patient> patients) => patients.Select(p => {|#0:p.Email|}).ToList();

                string AuditOnlyInLambda(Patient p, string userId, string ip)
                {
                    Action audit = () => logger.LogInformation("Read {UserId} {Action} {IpAddress}", userId, "read", ip);
                    audit();
                    return {|#1:p.Email|};
                }

                string AuditInsideLocal(Patient p, string userId, string ip)
                {
                    return Mail();
                    string Mail()
                    {
                        logger.LogInformation("Read {UserId} {Action} {IpAddress}", userId, "read", ip);
                        return p.Email;
                    }
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.Email"), Expect(1, "Patient.Email"));
    }

    [Fact]
    public async Task AsyncMethods_AuditBeforeOrAfterAwait_Covers()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            class Service(ILogger logger)
            {
                async Task<string> Covered(Task<Patient> load, string userId, string ip)
                {
                    var p = await load;
                    logger.LogInformation("Read {UserId} {Action} {IpAddress}", userId, "read", ip);
                    return p.Email;
                }

                async Task<string> Uncovered(Task<Patient> load)
                {
                    var p = await load;
                    await Task.Yield();
                    return {|#0:p.FullName|};
                }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.FullName"));
    }

    [Fact]
    public async Task LoggerMessageMethods_CountByTemplateOrParameterNames()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            static partial class Audit
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PII {UserId} {Action} {IpAddress}")]
                public static partial void ByTemplate(ILogger logger, string userId, string action, string ipAddress);

                [LoggerMessage(2, LogLevel.Information, "PII access")]
                public static partial void ByParameters(this ILogger logger, string user, string actionType, string remoteIp);

                [LoggerMessage(3, LogLevel.Information, "PII access by {UserId}")]
                public static partial void Partial(ILogger logger, string userId);

                // What the logging source generator emits; spelled out because tests do not run generators.
                public static partial void ByTemplate(ILogger logger, string userId, string action, string ipAddress) { }
                public static partial void ByParameters(this ILogger logger, string user, string actionType, string remoteIp) { }
                public static partial void Partial(ILogger logger, string userId) { }
            }

            class Service(ILogger logger)
            {
                string A(Patient p, string u, string ip) { Audit.ByTemplate(logger, u, "read", ip); return p.Email; }
                string B(Patient p, string u, string ip) { logger.ByParameters(u, "read", ip); return p.Email; }
                string C(Patient p, string u) { Audit.Partial(logger, u); return {|#0:p.Email|}; }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.Email", "audit call lacks Action and IpAddress"));
    }

    [Fact]
    public async Task TeamAuditInterfaceFromYaml_IsTheOnlyAuditCall()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["MyCompany.Audit.IAuditLog.Record"]
            """;
        const string source = """
            using Microsoft.Extensions.Logging;
            namespace MyCompany.Audit
            {
                public interface IAuditLog { void Record(string userId, string action, string ipAddress); }
                public sealed class AuditLog : IAuditLog { public void Record(string userId, string action, string ipAddress) { } }
            }

            namespace App
            {
                using MyCompany.Audit;
                class Service(IAuditLog audit, AuditLog concrete, ILogger logger)
                {
                    string A(Patient p, string u, string ip) { audit.Record(u, "read", ip); return p.Email; }
                    string B(Patient p, string u, string ip) { concrete.Record(u, "read", ip); return p.Email; }
                    string C(Patient p, string u, string ip)
                    {
                        logger.LogInformation("PII {UserId} {Action} {IpAddress}", u, "read", ip);
                        return {|#0:p.Email|};
                    }
                }
            }
            """;

        await RunAsync(source, yaml, Expect(0, "Patient.Email"));
    }

    [Fact]
    public async Task TeamAuditMethodTakingAnEventObject_CountsItsPropertyNames()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["MyCompany.Audit.**"]
            """;
        const string source = """
            namespace MyCompany.Audit
            {
                public sealed record AuditEvent(string UserId, string Action, string ClientIp);
                public static class Auditor { public static void Write(AuditEvent e) { } }
            }

            class Service
            {
                string A(Patient p, string u, string ip)
                {
                    MyCompany.Audit.Auditor.Write(new MyCompany.Audit.AuditEvent(u, "read", ip));
                    return p.Email;
                }
            }
            """;

        await RunAsync(source, yaml);
    }

    [Fact]
    public async Task WritesNameofAttributeArgumentsAndExpressionTrees_AreNotReads()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Linq;

            class Service
            {
                [Description(nameof(Patient.Email))]
                void Update(Patient p, string email)
                {
                    p.Email = email;
                    (p.FullName, p.Phone) = ("a", "b");
                    var created = new Patient { Email = email, FullName = "x" };
                    var name = nameof(p.FullName);
                }

                IQueryable<Patient> Query(IQueryable<Patient> patients, string email) => patients.Where(p => p.Email == email);

                IEnumerable<string> InMemory(IEnumerable<Patient> patients) => patients.Select(p => {|#0:p.Email|});

                void Compound(Patient p) => {|#1:p.Email|} += "!";
            }
            """;

        // A compound assignment reads the old value, so it stays a read. A lambda over IEnumerable runs here, so
        // its projection reads; a comparison in it (Where(p => p.Email == email)) only decides a condition.
        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.Email"), Expect(1, "Patient.Email"));
    }

    [Fact]
    public async Task NamespaceQualifiedGlobAndCustomAttributeName_FromYaml()
    {
        const string yaml = """
            controls:
              - id: PRIV-9
                name: Patient privacy
                requirement: Audit every read of patient data
                check: pii-audit
                parameters:
                  pii_attributes: [Acme.Sensitive]
                  pii_members: ["Acme.Clinic.**.Diagnosis"]
            """;
        const string source = """
            namespace Acme
            {
                public sealed class SensitiveAttribute : System.Attribute { }
                namespace Clinic.Records { public class Visit { public string Diagnosis { get; set; } = ""; [Sensitive] public string Notes = ""; public string Email = ""; } }
            }

            class Service
            {
                string A(Acme.Clinic.Records.Visit v) => {|#0:v.Diagnosis|} + {|#1:v.Notes|} + {|#2:v.Email|};
            }
            """;

        // pii_members adds to the name vocabulary, it does not replace it: Visit.Email stays personal data.
        var members = new[] { "Visit.Diagnosis", "Visit.Notes", "Visit.Email" };
        var expected = new[] { 0, 1, 2 }.Select(i => Verify.Diagnostic(DiagnosticDescriptors.UnauditedPiiRead).WithLocation(i)
            .WithArguments("PRIV-9", "Audit every read of patient data", members[i], "no audit call", AllFields)).ToArray();
        await RunAsync(source, yaml, expected);
    }

    [Fact]
    public async Task AccessorsAndFieldInitializers_AreBodiesToo()
    {
        const string source = """
            class View(Patient p)
            {
                public string Contact => {|#0:p.Email|};
                public string Label { get { return {|#1:p.FullName|}; } }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Patient.Email"), Expect(1, "Patient.FullName"));
    }

    [Fact]
    public async Task NoRequirementsFile_BaselineControlApplies()
    {
        const string source = "class S { string A(Patient p) => {|#0:p.Email|}; }";
        await RunAsync(source, yaml: null, Expect(0, "Patient.Email"));
    }

    [Fact]
    public async Task PlainPolicyFile_InfersTheCheck()
    {
        const string source = "class S { string A(Patient p) => {|#0:p.Email|}; }";
        await RunAsync(source, PiiTestSetup.PlainYaml, Expect(0, "Patient.Email", requirement: "Log all access to PII with full context"));
    }

    [Fact]
    public async Task NoControlsOrOtherControls_StaySilent()
    {
        const string source = "class S { string A(Patient p) => p.Email; }";
        await RunAsync(source, "controls: []\n");
        await RunAsync(source, "controls:\n  - id: OPS-1\n    requirement: Back up nightly\n");
    }

    [Fact]
    public async Task InvalidParameter_ReportsOnlyInTheFileAndAnalysisGoesOn()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_members: ["***.Email"]
            """;
        const string source = "class S { string A(Patient p) => {|#0:p.FullName|} + {|#1:p.Email|}; }";
        await RunAsync(source, yaml, Expect(0, "Patient.FullName"), Expect(1, "Patient.Email"));
    }

    [Fact]
    public async Task SeverityFromYaml_IsApplied()
    {
        const string source = "class S { string A(Patient p) => {|#0:p.Email|}; }";
        await RunAsync(source, PiiTestSetup.Yaml + "\n    severity: error\n", Expect(0, "Patient.Email").WithSeverity(DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("2027-03-31", false)]
    [InlineData("2026-01-31", true)]
    public async Task Waiver_SuppressesUntilItExpires(string expires, bool reported)
    {
        var yaml = PiiTestSetup.Yaml + $$"""

            exceptions:
              - control: SEC-003
                symbol: "M:Reports.Export(Patient)"
                justification: nightly export is audited by the batch runner
                approved_by: privacy-office
                expires: {{expires}}
            """;
        const string source = "class Reports { string Export(Patient p) => {|#0:p.Email|}; }";
        await RunAsync(source, yaml, reported ? new[] { Expect(0, "Patient.Email") } : Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task AuditFieldsPassedNullDefaultEmptyOrAConstant_DoNotCount()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            static partial class Audit
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PII {UserId} {Action} {IpAddress}")]
                public static partial void Accessed(ILogger logger, string? userId, string? action, string? ipAddress = null);

                public static partial void Accessed(ILogger logger, string? userId, string? action, string? ipAddress) { }
            }

            class Service(ILogger logger)
            {
                const string Anonymous = "anonymous";

                string Nulls(Patient p) { Audit.Accessed(logger, null, "read", null); return {|#0:p.Email|}; }
                string Defaults(Patient p, string ip) { Audit.Accessed(logger, default, "read", ip); return {|#1:p.Email|}; }
                string Empties(Patient p, string u) { Audit.Accessed(logger, u, "", string.Empty); return {|#2:p.Email|}; }
                string Constants(Patient p) { Audit.Accessed(logger, Anonymous, "read", "127.0.0.1"); return {|#3:p.Email|}; }
                string LeftOut(Patient p, string u) { Audit.Accessed(logger, u, "read"); return {|#4:p.Email|}; }
                string TemplateArgs(Patient p, string u) { logger.LogInformation("PII {UserId} {Action} {IpAddress}", u, "read", null); return {|#5:p.Email|}; }
                string TooFewArgs(Patient p, string u) { logger.LogInformation("PII {UserId} {Action} {IpAddress}", u, "read"); return {|#6:p.Email|}; }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Patient.Email", "audit call lacks UserId and IpAddress"),
            Expect(1, "Patient.Email", "audit call lacks UserId"),
            Expect(2, "Patient.Email", "audit call lacks Action and IpAddress"),
            Expect(3, "Patient.Email", "audit call lacks UserId and IpAddress"),
            Expect(4, "Patient.Email", "audit call lacks IpAddress"),
            Expect(5, "Patient.Email", "audit call lacks IpAddress"),
            Expect(6, "Patient.Email", "audit call lacks IpAddress"));
    }

    [Fact]
    public async Task AuditFieldsPassedValuesInScope_AndAConstantAction_Count()
    {
        const string source = """
            using System.Security.Claims;
            using Microsoft.Extensions.Logging;
            static partial class Audit
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PII {UserId} {Action} {IpAddress}")]
                public static partial void Accessed(ILogger logger, string? userId, string? action, string? ipAddress);

                public static partial void Accessed(ILogger logger, string? userId, string? action, string? ipAddress) { }
            }

            class Service(ILogger logger)
            {
                string A(Patient p, ClaimsPrincipal principal, System.Net.IPAddress ip)
                {
                    Audit.Accessed(logger, principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, "read Patient.Email in Service.A", ip?.ToString());
                    return p.Email;
                }

                string B(Patient p, string u, string ip, string action) { logger.LogInformation("PII {UserId} {Action} {IpAddress}", u ?? "anonymous", action, ip); return p.Email; }
                string C(Patient p, int u, string ip) { logger.LogInformation("PII {UserId} {Action} {IpAddress}", u, nameof(C), ip); return p.Email; }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task TeamAuditEventObject_PropertiesSetToNull_DoNotCount()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["App.AuditLog.Record"]
            """;
        const string source = """
            namespace App
            {
                public sealed class AuditEvent
                {
                    public AuditEvent() { }
                    public AuditEvent(string userId, string action, string ipAddress) { UserId = userId; Action = action; IpAddress = ipAddress; }
                    public string? UserId { get; set; }
                    public string? Action { get; set; }
                    public string? IpAddress { get; set; }
                }

                public static class AuditLog { public static void Record(AuditEvent auditEvent) { } }

                class Service
                {
                    string Nulls(Patient p, string u) { AuditLog.Record(new AuditEvent { UserId = u, Action = "read", IpAddress = null }); return {|#0:p.Email|}; }
                    string Unset(Patient p, string u) { AuditLog.Record(new AuditEvent { UserId = u }); return {|#1:p.Email|}; }
                    string Constructed(Patient p, string u, string ip) { AuditLog.Record(new AuditEvent(u, "read", ip)); return p.Email; }
                    string Complete(Patient p, string u, string ip) { AuditLog.Record(new AuditEvent { UserId = u, Action = "read", IpAddress = ip }); return p.Email; }
                }
            }
            """;

        await RunAsync(source, yaml,
            Expect(0, "Patient.Email", "audit call lacks IpAddress"),
            Expect(1, "Patient.Email", "audit call lacks Action and IpAddress"));
    }
}
