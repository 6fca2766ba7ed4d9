using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Tests.Verifiers;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.PiiAudit.UnauditedPiiReadAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>
/// SRA3001 on the signed-in user's data (claims, Identity.Name, UserManager), on identity servers' event services
/// as audit calls, and on a team's own logging and event methods.
/// </summary>
public class UnauditedPiiReadSourcesTests
{
    private const string AllFields = "UserId, Action and IpAddress";

    /// <summary>Duende IdentityServer's event service and test users, as the package declares them.</summary>
    private const string Duende = """
        namespace Duende.IdentityServer.Events
        {
            public abstract class Event { }
            public class UserLoginSuccessEvent : Event { public UserLoginSuccessEvent(string username, string subjectId, string name, string? clientId = null) { } }
        }
        namespace Duende.IdentityServer.Services
        {
            public interface IEventService { System.Threading.Tasks.Task RaiseAsync(Duende.IdentityServer.Events.Event evt); }
        }
        namespace Duende.IdentityServer.Test
        {
            public class TestUser { public string SubjectId { get; set; } = ""; public string Username { get; set; } = ""; public string Email { get; set; } = ""; }
        }
        """;

    private static DiagnosticResult Expect(int marker, string read, string problem = "no audit call", string fields = AllFields) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnauditedPiiRead).WithLocation(marker).WithArguments(PiiTestSetup.ControlId, PiiTestSetup.Requirement, read, problem, fields);

    private static async Task RunAsync(string source, string yaml, ReferenceAssemblies references, params DiagnosticResult[] expected) =>
        await RunAsync(source, null, yaml, references, expected);

    private static async Task RunAsync(string source, string? declarations, string yaml, ReferenceAssemblies references, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, yaml);
        test.ReferenceAssemblies = references;
        if (declarations is not null)
        {
            test.TestState.Sources.Add(("/0/Declarations.cs", declarations));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task PersonalClaimsIdentityNameAndUserManagerReads_AreReads()
    {
        const string source = """
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;

            class Profile(UserManager<IdentityUser> users)
            {
                string? A(ClaimsPrincipal user) => {|#0:user.FindFirst(ClaimTypes.Email)?.Value|};
                string? B(ClaimsPrincipal user) => {|#1:user.FindFirst("given_name")?.Value|};
                string? C(ClaimsPrincipal user) => {|#2:user.FindFirst(c => c.Type == ClaimTypes.Surname)?.Value|};
                string? D(ClaimsPrincipal user)
                {
                    var claim = user.FindFirst(ClaimTypes.MobilePhone);
                    return {|#3:claim?.Value|};
                }

                string? E(ClaimsPrincipal user) => {|#4:user.FindFirstValue(ClaimTypes.GivenName)|};
                string? F(ClaimsPrincipal user) => user.Identity?{|#5:.Name|};
                async Task<string?> G(IdentityUser u) => await {|#6:users.GetEmailAsync(u)|};
                Task<string?> H(IdentityUser u) => {|#7:users.GetPhoneNumberAsync(u)|};
                Task<string?> I(IdentityUser u) => {|#8:users.GetUserNameAsync(u)|};
                string? J(ClaimsIdentity identity) => {|#9:identity.FindFirst(ClaimTypes.Name)!.Value|};
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, PiiTestSetup.WithAspNetCore,
            Expect(0, "the ClaimTypes.Email claim"), Expect(1, "the given_name claim"), Expect(2, "the ClaimTypes.Surname claim"),
            Expect(3, "the ClaimTypes.MobilePhone claim"), Expect(4, "the ClaimTypes.GivenName claim"), Expect(5, "IIdentity.Name"),
            Expect(6, "UserManager.GetEmailAsync"), Expect(7, "UserManager.GetPhoneNumberAsync"), Expect(8, "UserManager.GetUserNameAsync"),
            Expect(9, "the ClaimTypes.Name claim"));
    }

    [Fact]
    public async Task IdentifiersRolesChecksAndAuditedReads_StaySilent()
    {
        const string source = """
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Logging;

            class Profile(UserManager<IdentityUser> users, ILogger<Profile> logger)
            {
                string? A(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value + user.FindFirst("sub")?.Value + user.FindFirstValue(ClaimTypes.Role);
                bool B(ClaimsPrincipal user) => user.Identity?.Name == null || user.Identity.IsAuthenticated || string.IsNullOrEmpty(user.FindFirst(ClaimTypes.Email)?.Value);
                Task<string> C(IdentityUser u) => users.GetUserIdAsync(u);
                string? D(ClaimsPrincipal user, string ip)
                {
                    logger.LogInformation("PII {UserId} {Action} {IpAddress}", user.FindFirstValue(ClaimTypes.NameIdentifier), "read email", ip);
                    return user.FindFirst(ClaimTypes.Email)?.Value;
                }

                string E(Claim claim) => claim.Value;
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, PiiTestSetup.WithAspNetCore);
    }

    [Fact]
    public async Task WithoutAWebOrIdentityStack_ClaimsAreNotReadAsPersonalData()
    {
        const string source = """
            using System.Security.Claims;
            class Tool { string? A(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Email)?.Value + user.Identity?.Name; }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, TestReferences.Net80);
    }

    [Fact]
    public async Task IdentityServerEvent_IsTheAudit_ForTheReadsThatFeedItAndTheBodyAroundIt()
    {
        const string source = """
            using System.Threading.Tasks;
            using Duende.IdentityServer.Events;
            using Duende.IdentityServer.Services;
            using Duende.IdentityServer.Test;

            class Login(IEventService events)
            {
                Task Success(TestUser user) => events.RaiseAsync(new UserLoginSuccessEvent(user.Username, user.SubjectId, user.Username));

                async Task<string> SignIn(TestUser user)
                {
                    await events.RaiseAsync(new UserLoginSuccessEvent(user.Username, user.SubjectId, user.Username));
                    return user.Email;
                }

                string Show(TestUser user) => {|#0:user.Email|};
            }
            """;

        await RunAsync(source, Duende, PiiTestSetup.Yaml, PiiTestSetup.References, Expect(0, "TestUser.Email"));
    }

    [Fact]
    public async Task IdentityServer4Event_IsAnAuditCall_AndAControlThatNamesItsOwnMethodsLeavesItOut()
    {
        const string source = """
            namespace IdentityServer4.Events { public abstract class Event { } public class UserLoginSuccessEvent : Event { public UserLoginSuccessEvent(string username) { } } }
            namespace IdentityServer4.Services { public interface IEventService { System.Threading.Tasks.Task RaiseAsync(IdentityServer4.Events.Event evt); } }
            public class Account { public string Username { get; set; } = ""; }

            class Login(IdentityServer4.Services.IEventService events)
            {
                System.Threading.Tasks.Task Success(Account a) => events.RaiseAsync(new IdentityServer4.Events.UserLoginSuccessEvent({|#0:a.Username|}));
            }
            """;
        const string teamYaml = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["MyCompany.Audit.**"]
            """;

        await RunAsync(source.Replace("{|#0:a.Username|}", "a.Username"), PiiTestSetup.Yaml, PiiTestSetup.References);
        await RunAsync(source, teamYaml, PiiTestSetup.References, Expect(0, "Account.Username"));
    }

    [Fact]
    public async Task TeamEventService_CountsWhenListedInAuditMethods_WithItsParameterNamesAsFields()
    {
        const string service = """
            namespace Bit.Core.Services
            {
                public enum EventType { UserLoggedIn, UserUpdated }
                public interface IEventService { System.Threading.Tasks.Task LogUserEventAsync(System.Guid userId, EventType action, string ipAddress); }
            }
            public class User { public System.Guid Id { get; set; } public string Email { get; set; } = ""; }
            """;
        const string source = """
            using Bit.Core.Services;
            class Accounts(IEventService events)
            {
                async System.Threading.Tasks.Task<string> Email(User user, string ip)
                {
                    await events.LogUserEventAsync(user.Id, EventType.UserUpdated, ip);
                    return {|#0:user.Email|};
                }
            }
            """;
        const string listed = """
            controls:
              - id: SEC-003
                name: Audit Logging
                requirement: Log all access to PII with user id, action and IP
                check: pii-audit
                parameters:
                  audit_methods: ["Microsoft.Extensions.Logging.LoggerExtensions.Log*", "Bit.Core.Services.IEventService.Log*"]
            """;

        await RunAsync(source, service, PiiTestSetup.Yaml, PiiTestSetup.References, Expect(0, "User.Email"));
        await RunAsync(source.Replace("{|#0:user.Email|}", "user.Email"), service, listed, PiiTestSetup.References);
    }

    [Fact]
    public async Task TeamLoggingWrappers_AreAuditCalls_WhenILoggerIsTheAuditLog()
    {
        const string source = """
            using Microsoft.Extensions.Logging;
            public class User { public string Email { get; set; } = ""; }

            public class AuditTrail(ILogger<AuditTrail> logger)
            {
                public void Record(string userId, string action, string ipAddress) =>
                    logger.LogInformation("PII {UserId} {Action} {IpAddress}", userId, action, ipAddress);
            }

            public static class AppLog
            {
                public static void AuditAccess(string userId, string action, string ipAddress) { }
            }

            public class Shipping(ILogger<Shipping> logger)
            {
                private readonly ILogger _log = logger;
                public void Ship(int orderId) => _log.LogInformation($"Shipped {orderId}");
            }

            class Service(AuditTrail trail, Shipping shipping)
            {
                string A(User u, string userId, string ip) { trail.Record(userId, "read email", ip); return u.Email; }
                string B(User u, string userId, string ip) { AppLog.AuditAccess(userId, "read email", ip); return u.Email; }
                string C(User u) { shipping.Ship(1); return {|#0:u.Email|}; }
            }
            """;

        await RunAsync(source, PiiTestSetup.Yaml, PiiTestSetup.References, Expect(0, "User.Email"));
    }
}
