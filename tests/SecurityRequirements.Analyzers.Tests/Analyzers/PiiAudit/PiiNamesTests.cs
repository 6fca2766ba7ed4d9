using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.PiiAudit.UnauditedPiiReadAnalyzer>;
using VerifyFile = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.RequirementsFile.RequirementsFileAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>
/// What is personal data by name: the built-in vocabulary, its limits (types, owners, constants, enum members,
/// configuration and framework types) and the YAML keys that extend and trim it. Seen through SRA3001.
/// </summary>
public class PiiNamesTests
{
    private const string AllFields = "UserId, Action and IpAddress";

    private static DiagnosticResult Expect(int marker, string member, string id = PiiTestSetup.ControlId, string requirement = PiiTestSetup.Requirement) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnauditedPiiRead).WithLocation(marker).WithArguments(id, requirement, member, "no audit call", AllFields);

    private static async Task RunAsync(string source, string? yaml, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = PiiTestSetup.References;
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task BuiltInNames_OfStringAndDateMembers_AreRead()
    {
        const string source = """
            using System;
            public class Customer
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
                public string NormalizedEmail { get; set; } = "";
                public string? PhoneNumber { get; set; }
                public string FirstName { get; set; } = "";
                public string last_name = "";
                public DateTime DateOfBirth { get; set; }
                public DateOnly? BirthDate { get; set; }
                public string Street1 { get; set; } = "";
                public string ZipCode { get; set; } = "";
                public string Ssn { get; set; } = "";
                public string PassportNumber { get; set; } = "";
                public string CardHolderName { get; set; } = "";
                public string CardNumber { get; set; } = "";
                public string UserName { get; set; } = "";
                public string BillingAddress { get; set; } = "";
            }

            class Service
            {
                object[] Read(Customer c) => new object[]
                {
                    c.Id, {|#0:c.Email|}, {|#1:c.NormalizedEmail|}, {|#2:c.PhoneNumber|}, {|#3:c.FirstName|}, {|#4:c.last_name|},
                    {|#5:c.DateOfBirth|}, {|#6:c.BirthDate|}, {|#7:c.Street1|}, {|#8:c.ZipCode|}, {|#9:c.Ssn|}, {|#10:c.PassportNumber|},
                    {|#11:c.CardHolderName|}, {|#12:c.CardNumber|}, {|#13:c.UserName|}, {|#14:c.BillingAddress|},
                };
            }
            """;

        var members = new[]
        {
            "Email", "NormalizedEmail", "PhoneNumber", "FirstName", "last_name", "DateOfBirth", "BirthDate", "Street1", "ZipCode", "Ssn",
            "PassportNumber", "CardHolderName", "CardNumber", "UserName", "BillingAddress",
        };
        await RunAsync(source, PiiTestSetup.Yaml, members.Select((m, i) => Expect(i, "Customer." + m)).ToArray());
    }

    [Fact]
    public async Task PersonOnlyNames_CountOnPeopleAndAddresses_NotOnScopesProductsOrEndpoints()
    {
        const string source = """
            public class Buyer { public string Name { get; set; } = ""; }
            public class CustomerDto { public string DisplayName { get; set; } = ""; }
            public class Address { public string City { get; set; } = ""; public string Street { get; set; } = ""; }
            public class UserProfile { public string Address { get; set; } = ""; public string IpAddress { get; set; } = ""; }
            public class Order { public string ShippingCity { get; set; } = ""; public string City { get; set; } = ""; public string ContactName { get; set; } = ""; }
            public class ApiScope { public string Name { get; set; } = ""; public string DisplayName { get; set; } = ""; }
            public class Product { public string Name { get; set; } = ""; }
            public class ServiceEndpoint { public string Address { get; set; } = ""; public string BaseAddress { get; set; } = ""; }

            class Service
            {
                object[] Read(Buyer b, CustomerDto d, Address a, UserProfile u, Order o, ApiScope s, Product p, ServiceEndpoint e) => new object[]
                {
                    {|#0:b.Name|}, {|#1:d.DisplayName|}, {|#2:a.City|}, {|#3:a.Street|}, {|#4:u.Address|}, {|#5:o.ShippingCity|}, {|#6:o.ContactName|},
                    u.IpAddress, o.City, s.Name, s.DisplayName, p.Name, e.Address, e.BaseAddress,
                };
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml,
            Expect(0, "Buyer.Name"), Expect(1, "CustomerDto.DisplayName"), Expect(2, "Address.City"), Expect(3, "Address.Street"),
            Expect(4, "UserProfile.Address"), Expect(5, "Order.ShippingCity"), Expect(6, "Order.ContactName"));
    }

    [Fact]
    public async Task ANameQualifiedByANonPersonWord_IsNoPersonsName_EvenOnAPersonType()
    {
        // BouncyCastle's ISigner is an algorithm; "signer" still makes a Signer's own Name personal data.
        const string source = """
            public interface ISigner { string AlgorithmName { get; } }
            public class Signer { public string Name { get; set; } = ""; public string FileName { get; set; } = ""; public string NickName { get; set; } = ""; }

            class Service
            {
                object[] Read(ISigner s, Signer p) => new object[] { s.AlgorithmName, {|#0:p.Name|}, p.FileName, {|#1:p.NickName|} };
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, Expect(0, "Signer.Name"), Expect(1, "Signer.NickName"));
    }

    [Fact]
    public async Task AStaticReadonlyIdentifierObject_NamesDataButHoldsNone_EvenUnderAGlob()
    {
        // BouncyCastle's X509Name.DateOfBirth is the OID of an attribute; a static readonly string can hold an address.
        const string source = """
            public class DerObjectIdentifier { }
            public class X509Name
            {
                public static readonly DerObjectIdentifier DateOfBirth = new();
                public static readonly string Email = "ops@example.com";
            }

            class Service
            {
                object[] Read() => new object[] { X509Name.DateOfBirth, {|#0:X509Name.Email|} };
            }
            """;
        const string yaml = """
            version: "2.0"
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_members: ["*.DateOfBirth", "*.Email"]
            """;

        await RunAsync(source, yaml, Expect(0, "X509Name.Email", "SEC-003", "Log all access to PII with user id, action and IP"));
    }

    [Fact]
    public async Task NamesOfOtherTypesAndTrailingWords_AreNotPersonalData()
    {
        const string source = """
            using System.Collections.Generic;
            public class EmailSettings { public string Host { get; set; } = ""; }
            public class Phone { public string Number { get; set; } = ""; }
            public class Account
            {
                public bool EmailConfirmed { get; set; }
                public string EmailTemplate { get; set; } = "";
                public EmailSettings Email { get; set; } = new();
                public Phone Phone { get; set; } = new();
                public List<string> Emails { get; set; } = new();
                public int FirstItem { get; set; }
                public string Login { get; set; } = "";
                public string LastLoginIp { get; set; } = "";
            }

            class Service
            {
                object[] Read(Account a) => new object[] { a.EmailConfirmed, a.EmailTemplate, a.Email, a.Phone, a.Emails, a.FirstItem, a.Login, a.LastLoginIp };
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task ConstantsClaimTypeAndScopeNamesAndEnumMembers_AreNames_NotData()
    {
        const string source = """
            namespace IdentityModel { public static class JwtClaimTypes { public const string Email = "email"; public const string GivenName = "given_name"; } }
            namespace Duende.IdentityServer
            {
                public static class IdentityServerConstants { public static class StandardScopes { public const string Email = "email"; public const string Phone = "phone"; } }
            }
            namespace OpenIddict.Abstractions
            {
                public static class OpenIddictConstants
                {
                    public static class Claims { public const string Email = "email"; public const string Name = "name"; }
                    public static class Scopes { public const string Email = "email"; public const string Phone = "phone"; }
                }
            }
            namespace Bit.Core.Auth.Enums { public enum TwoFactorProviderType : byte { Authenticator = 0, Email = 1, Phone = 6 } }
            public static class Fields { public static readonly string Email = "email"; public static string Phone { get; } = "phone"; }

            class Config
            {
                object[] Names() => new object[]
                {
                    System.Security.Claims.ClaimTypes.Email, System.Security.Claims.ClaimTypes.GivenName, IdentityModel.JwtClaimTypes.Email,
                    Duende.IdentityServer.IdentityServerConstants.StandardScopes.Email, OpenIddict.Abstractions.OpenIddictConstants.Claims.Email,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.Phone, Bit.Core.Auth.Enums.TwoFactorProviderType.Email, Fields.Email, Fields.Phone,
                };
            }
            """;

        // Even a glob that names them does not make a constant or an enum member personal data.
        var yaml = PiiTestSetup.Yaml + "\n    parameters:\n      pii_members: [\"*.Email\", \"*.Phone\"]\n";
        await RunAsync(source, PiiTestSetup.Yaml);
        await RunAsync(source.Replace("Fields.Email, Fields.Phone", "{|#0:Fields.Email|}, {|#1:Fields.Phone|}"), yaml, Expect(0, "Fields.Email"), Expect(1, "Fields.Phone"));
    }

    [Fact]
    public async Task ConfigurationAttributeAndFrameworkTypes_AreLeftToTheirAttributes()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            public class SmtpOptions { public string UserName { get; set; } = ""; public string SenderEmail { get; set; } = ""; }
            public sealed class ContactAttribute : System.Attribute { public string Email { get; set; } = ""; }

            class Service
            {
                object[] Read(SmtpOptions o, ContactAttribute a, MailAddress m, NetworkCredential c) => new object[]
                {
                    o.UserName, o.SenderEmail, a.Email, m.DisplayName, m.User, c.UserName,
                };
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task StaticMembersAndTheOwnTypesReads_AreNotAccess()
    {
        const string source = """
            public class Person
            {
                public static string DefaultEmail { get; set; } = "";
                public string Email { get; set; } = "";
                public bool IsValid() => Email.Contains('@') && DefaultEmail != Email;
            }

            class Service
            {
                string A() => Person.DefaultEmail;
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml);
    }

    [Fact]
    public async Task PiiNames_AddToTheVocabulary_AndPiiNamesRemoved_TrimIt()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_names: [Iban, annual_salary]
                  pii_names_removed: [DisplayName, Name, City]
            """;
        const string source = """
            public class Employee
            {
                public string Iban { get; set; } = "";
                public decimal AnnualSalary { get; set; }
                public string DisplayName { get; set; } = "";
                public string Name { get; set; } = "";
                public string City { get; set; } = "";
                public string Email { get; set; } = "";
                public bool IbanVerified { get; set; }
            }

            class Payroll
            {
                object[] Read(Employee e) => new object[] { {|#0:e.Iban|}, {|#1:e.AnnualSalary|}, e.DisplayName, e.Name, e.City, {|#2:e.Email|}, e.IbanVerified };
            }
            """;

        await RunAsync(source, yaml, Expect(0, "Employee.Iban"), Expect(1, "Employee.AnnualSalary"), Expect(2, "Employee.Email"));
    }

    [Fact]
    public async Task PiiNamesRemovedStar_LeavesAttributesGlobsAndTeamNames()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_names: [Diagnosis]
                  pii_names_removed: ["*"]
                  pii_members: ["Patient.Ward"]
            """;
        const string source = """
            public class Patient { public string Email { get; set; } = ""; public string Diagnosis { get; set; } = ""; public string Ward { get; set; } = ""; }
            class Clinic { object[] Read(Patient p) => new object[] { p.Email, {|#0:p.Diagnosis|}, {|#1:p.Ward|} }; }
            """;

        await RunAsync(source, yaml, Expect(0, "Patient.Diagnosis"), Expect(1, "Patient.Ward"));
    }

    [Fact]
    public async Task PiiNamesRemoved_NamingNoBuiltInEntry_ReportsSRA0016AtTheValue()
    {
        const string yaml = """
            controls:
              - id: SEC-003
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  pii_names: [Iban]
                  pii_names_removed: [City, {|#0:Emial|}]
            """;

        await VerifyFile.VerifyAsync("class C { }", yaml,
            VerifyFile.Diagnostic(DiagnosticDescriptors.InvalidParameterValue).WithLocation(0)
                .WithArguments("Emial", "pii_names_removed", "write a built-in name such as DisplayName or City, or * for all of them"));
    }

    [Fact]
    public async Task MembersOfAnotherAssembly_AreClassifiedByName()
    {
        const string library = """
            namespace Shop.Domain { public class Customer { public string Email { get; set; } = ""; public string Nickname { get; set; } = ""; } }
            """;
        const string source = """
            class Mailer { string To(Shop.Domain.Customer c) => {|#0:c.Email|} + c.Nickname; }
            """;

        var test = Verify.Create(source, PiiTestSetup.Yaml);
        test.ReferenceAssemblies = PiiTestSetup.References;
        test.TestState.AdditionalProjects.Add("Domain", new ProjectState("Domain", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/1/", "cs") { Sources = { library } });
        test.TestState.AdditionalProjectReferences.Add("Domain");
        test.ExpectedDiagnostics.Add(Expect(0, "Customer.Email"));
        await test.RunAsync();
    }
}
