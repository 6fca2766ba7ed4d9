using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.PiiAudit.UnauditedPiiReadAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>
/// What access to personal data is (data leaving storage for a consumer) and what it is not: the type's own
/// reads, inbound models, copies between transfer models and conditions; projections in expression trees and
/// query syntax; record deconstruction and patterns. Seen through SRA3001.
/// </summary>
public class PiiAccessTests
{
    private const string AllFields = "UserId, Action and IpAddress";

    private const string Model = """
        using System.Collections.Generic;
        public class User
        {
            public int Id { get; set; }
            public string Email { get; set; } = "";
            public string FirstName { get; set; } = "";
            public List<Order> Orders { get; set; } = new();
        }

        public class Order { public int Id { get; set; } public string ShippingStreet { get; set; } = ""; }
        public record Customer(int Id, string Email, string FullName);
        """;

    private static DiagnosticResult Expect(int marker, string member) =>
        Verify.Diagnostic(DiagnosticDescriptors.UnauditedPiiRead).WithLocation(marker).WithArguments(PiiTestSetup.ControlId, PiiTestSetup.Requirement, member, "no audit call", AllFields);

    private static async Task RunAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verify.Create(source, PiiTestSetup.Yaml);
        test.ReferenceAssemblies = PiiTestSetup.References;
        test.TestState.Sources.Add(("/0/Model.cs", Model));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task ATypeReadingItsOwnMembers_ValidatingCopyingOrFormatting_IsNotAccess()
    {
        const string source = """
            public class Member
            {
                public string Email { get; set; } = "";
                public string Surname { get; set; } = "";
                public bool IsValid() => Email.Contains('@') && Surname.Length > 0;
                public Member Copy() => new Member { Email = Email, Surname = Surname };
                public Member(Member other) { Email = other.Email; Surname = other.Surname; }
                public Member() { }
                public override string ToString() => Surname + " <" + this.Email + ">";
                public sealed class Builder { public string Describe(Member m) => m.Surname; }
            }

            public class Staff : Member
            {
                public string Signature() => Surname;
            }

            class Directory
            {
                string Describe(Member m) => {|#0:m.Surname|};
            }
            """;

        await RunAsync(source, Expect(0, "Member.Surname"));
    }

    [Fact]
    public async Task InboundModels_CarryWhatTheCallerSent_AndAreNotStoredData()
    {
        const string source = """
            public class LoginRequest { public string Email { get; set; } = ""; }
            public class RegisterRequestModel { public string PhoneNumber { get; set; } = ""; }
            public class Index { public InputModel Input { get; set; } = new(); public class InputModel { public string Username { get; set; } = ""; } }
            public record CreateOrderCommand(string FirstName, string ZipCode);
            public class UserStore { public User? FindByEmail(string email) => null; }

            class AccountService(UserStore store)
            {
                User? Login(LoginRequest request) => store.FindByEmail(request.Email);
                string Register(RegisterRequestModel model) => model.PhoneNumber.Trim();
                string Page(Index page) => page.Input.Username;
                string Handle(CreateOrderCommand command) => command.FirstName + command.ZipCode;
                string Stored(User user) => {|#0:user.FirstName|};
            }
            """;

        await RunAsync(source, Expect(0, "User.FirstName"));
    }

    [Fact]
    public async Task ContextsHandedToAValidatorOrRequestHandler_CarryWhatTheCallerSent()
    {
        // IdentityServer's password grant: the user name in the validation context is what the client posted.
        const string source = """
            public class ResourceOwnerPasswordValidationContext { public string UserName { get; set; } = ""; }
            public class ProfileDataRequestContext { public string Email { get; set; } = ""; }
            public class StoreContext { public string Email { get; set; } = ""; }
            public class UserStore { public User? FindByName(string name) => null; }

            class Validator(UserStore store)
            {
                User? Validate(ResourceOwnerPasswordValidationContext context) => store.FindByName(context.UserName);
                string Profile(ProfileDataRequestContext context) => context.Email.Trim();
                string Stored(StoreContext context) => {|#0:context.Email|}.Trim();
            }
            """;

        await RunAsync(source, Expect(0, "StoreContext.Email"));
    }

    [Fact]
    public async Task WhatTheModelBinderFilledFromTheRequest_IsWhatTheCallerSent()
    {
        // openiddict-samples: Register([FromBody] RegisterViewModel model) looks the user up by model.Email.
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            public class RegisterViewModel { public string Email { get; set; } = ""; }
            public class UserStore { public User? FindByEmail(string email) => null; public User Load() => new(); }

            public class AccountController(UserStore store) : Controller
            {
                public User? Register(RegisterViewModel model) => store.FindByEmail(model.Email);
                public string Profile() => {|#0:store.Load().Email|};
                public string Entity(User user) => {|#2:user.Email|};
                private string Helper(RegisterViewModel model) => {|#1:model.Email|}.Trim();
            }

            public class Api(UserStore store)
            {
                public User? Find([FromQuery] RegisterViewModel query) => store.FindByEmail(query.Email);
            }
            """;

        var test = Verify.Create(source, PiiTestSetup.Yaml);
        test.ReferenceAssemblies = PiiTestSetup.WithAspNetCore;
        test.TestState.Sources.Add(("/0/Model.cs", Model));
        test.ExpectedDiagnostics.AddRange([Expect(0, "User.Email"), Expect(1, "RegisterViewModel.Email"), Expect(2, "User.Email")]);
        await test.RunAsync();
    }

    [Fact]
    public async Task CopyingBetweenTransferModels_IsNotAccess_AndReadingOneForOtherUsesIs()
    {
        const string source = """
            public class ProfileResponse { public string Email { get; set; } = ""; public string FirstName { get; set; } = ""; }
            public class ProfileDto { public string Email { get; set; } = ""; public string FirstName { get; set; } = ""; }
            public record ProfileViewModel(string Email, string FirstName);
            public class Mailer { public void Send(string to) { } }

            class Mapping(Mailer mailer)
            {
                ProfileDto ToDto(ProfileResponse r) => new ProfileDto { Email = r.Email ?? "", FirstName = r.FirstName };
                ProfileViewModel ToView(ProfileDto d) => new ProfileViewModel(d.Email, d.FirstName);
                void Fill(ProfileDto target, ProfileResponse r) { target.Email = r.Email; }
                object Anonymous(ProfileDto d) => new { d.Email };
                void Mail(ProfileDto d) => mailer.Send({|#0:d.Email|});
                ProfileDto FromEntity(User u) => new ProfileDto { Email = {|#1:u.Email|}, FirstName = {|#2:u.FirstName|} };
            }
            """;

        // The entity is storage: copying its data into a response is where it leaves, so that read is access.
        await RunAsync(source, Expect(0, "ProfileDto.Email"), Expect(1, "User.Email"), Expect(2, "User.FirstName"));
    }

    [Fact]
    public async Task ValuesThatOnlyDecideACondition_AreNotAccess()
    {
        const string source = """
            class Checks
            {
                bool A(User u, string email) => u.Email == email;
                bool B(User u) => string.IsNullOrEmpty(u.Email) || string.IsNullOrWhiteSpace(u.FirstName);
                bool C(User u) => u.Email.EndsWith("@example.com", System.StringComparison.Ordinal);
                bool D(User u) => u.Email is null or "" || u is { FirstName: "Ann" };
                bool E(User u) => u.FirstName.Length > 0 && u?.Email != null;
                int F(User u) { switch (u.Email) { case "a": return 1; default: return 0; } }
                bool G(User u, string other) => string.Equals(u.Email, other, System.StringComparison.OrdinalIgnoreCase);
                string H(User u) => {|#0:u.Email|}.Trim();
                int I(User u) => {|#1:u.FirstName|}.Length;
                string? J(User u) => u is { {|#2:Email|}: var mail } ? mail : null;
            }
            """;

        await RunAsync(source, Expect(0, "User.Email"), Expect(1, "User.FirstName"), Expect(2, "User.Email"));
    }

    [Fact]
    public async Task ExpressionTrees_ProjectionsRead_FiltersAndOrderingDoNot()
    {
        const string source = """
            using System.Linq;
            class Queries
            {
                IQueryable<string> Emails(IQueryable<User> users) => users.Select(u => {|#0:u.Email|});
                IQueryable<int> Filtered(IQueryable<User> users, string email) => users.Where(u => u.Email == email).OrderBy(u => u.FirstName).Select(u => u.Id);
                IQueryable<object> Anonymous(IQueryable<User> users) => users.Select(u => new { u.Id, Name = {|#1:u.FirstName|} });
                IQueryable<bool> Compared(IQueryable<User> users, string email) => users.Select(u => u.Email == email);
                IQueryable<object> Grouped(IQueryable<User> users) => users.GroupBy(u => {|#2:u.Email|}).Select(g => new { g.Key, Count = g.Count() });
                bool Any(IQueryable<User> users, string email) => users.Any(u => u.Email == email);
                IQueryable<string> Streets(IQueryable<User> users) => users.SelectMany(u => u.Orders.Where(o => o.ShippingStreet != "").Select(o => {|#3:o.ShippingStreet|}));
                IQueryable<int> Nested(IQueryable<User> users, string street) => users.Where(u => u.Orders.Select(o => o.ShippingStreet).Contains(street)).Select(u => u.Id);
            }
            """;

        await RunAsync(source, Expect(0, "User.Email"), Expect(1, "User.FirstName"), Expect(2, "User.Email"), Expect(3, "Order.ShippingStreet"));
    }

    [Fact]
    public async Task QuerySyntax_SelectReads_WhereAndOrderByDoNot()
    {
        const string source = """
            using System.Linq;
            class Queries
            {
                IQueryable<string> Emails(IQueryable<User> users, string name) =>
                    from u in users
                    where u.FirstName == name
                    orderby u.Email
                    select {|#0:u.Email|};

                IQueryable<int> Ids(IQueryable<User> users, string email) =>
                    from u in users
                    where u.Email == email
                    select u.Id;
            }
            """;

        await RunAsync(source, Expect(0, "User.Email"));
    }

    [Fact]
    public async Task RecordDeconstructionAndPositionalPatterns_ReadWhatTheyBind()
    {
        const string source = """
            using System.Collections.Generic;
            class Deconstruction
            {
                string A(Customer c)
                {
                    var (id, {|#0:email|}, _) = c;
                    return id + email;
                }

                string B(Customer c)
                {
                    (int id, string {|#1:name|}) = (c.Id, "x");
                    var (_, _, {|#2:full|}) = c;
                    return full + name;
                }

                IEnumerable<string> C(List<Customer> customers)
                {
                    foreach (var (_, {|#3:mail|}, _) in customers)
                    {
                        yield return mail;
                    }
                }

                string? D(object o) => o is Customer(_, {|#4:var mail|}, _) ? mail : null;
                bool E(object o) => o is Customer(_, "a@example.com", _);
            }
            """;

        // B's first line deconstructs a tuple, not a record: "name" binds a string literal.
        await RunAsync(source.Replace("{|#1:name|}", "name"),
            Expect(0, "Customer.Email"), Expect(2, "Customer.FullName"), Expect(3, "Customer.Email"), Expect(4, "Customer.Email"));
    }
}
