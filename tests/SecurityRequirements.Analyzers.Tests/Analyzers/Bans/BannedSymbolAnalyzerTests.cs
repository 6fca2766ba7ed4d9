using SecurityRequirements.Analyzers.Analyzers.Bans;
using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Bans.BannedSymbolAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Bans;

public class BannedSymbolAnalyzerTests
{
    private const string Requirement = "Use the UserRepository; never query users directly";

    private static string Yaml(string symbols, string extra = "") => $$"""
        version: "2.0"
        controls:
          - id: SEC-004
            name: No direct queries
            requirement: Use the UserRepository; never query users directly.
            check: banned
            parameters:
              symbols: [{{symbols}}]
        {{extra}}
        """;

    [Fact]
    public async Task BannedTypeMemberInvocation_ReportsSRA9001()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data) => {|#0:MD5.Create()|}.ComputeHash(data);
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"T:System.Security.Cryptography.MD5\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0)
                .WithArguments("SEC-004", Requirement, "System.Security.Cryptography.MD5", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task DerivedTypeCreation_ReportsSRA9001()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
            #pragma warning disable SYSLIB0021
                object M() => {|#0:new MD5CryptoServiceProvider()|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"T:System.Security.Cryptography.MD5\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0)
                .WithArguments("SEC-004", Requirement, "System.Security.Cryptography.MD5", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task BannedMethod_WithInstead_ReportsMessageWithReplacement()
    {
        const string source = """
            class C
            {
                int M() => {|#0:System.Environment.GetEnvironmentVariable("X")|}?.Length ?? 0;
            }
            """;
        var yaml = """
            controls:
              - id: ORG-7
                requirement: Configuration comes from IConfiguration
                check: banned
                severity: error
                parameters:
                  symbols: ["M:System.Environment.GetEnvironmentVariable(System.String)"]
                  instead: inject IConfiguration and read the key from it
            """;

        await Verify.VerifyAsync(source, yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .WithArguments("ORG-7", "Configuration comes from IConfiguration", "System.Environment.GetEnvironmentVariable(System.String)", "inject IConfiguration and read the key from it"));
    }

    [Fact]
    public async Task BannedNamespace_ReportsEveryUse()
    {
        const string source = """
            class C
            {
                object M() => {|#0:new System.Net.WebClient()|};
                object N() => {|#1:System.Net.Dns.GetHostName()|};
                object O() => new System.Text.StringBuilder();
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"N:System.Net\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "System.Net", "remove it or use what the control prescribes"),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(1).WithArguments("SEC-004", Requirement, "System.Net", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task BannedSourceNamespace_ReportsUsesOfItsNestedTypes()
    {
        const string source = """
            namespace Legacy.Data { public static class Db { public static int Query() => 1; } }
            class C
            {
                int M() => {|#0:Legacy.Data.Db.Query()|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"N:Legacy\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "Legacy", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task BannedPropertyAndTypeOf_Reported()
    {
        const string source = """
            class C
            {
                object M() => {|#0:System.DateTime.Now|};
                System.Type T() => {|#1:typeof(System.Security.Cryptography.MD5)|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"P:System.DateTime.Now\", \"T:System.Security.Cryptography.MD5\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "System.DateTime.Now", "remove it or use what the control prescribes"),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(1).WithArguments("SEC-004", Requirement, "System.Security.Cryptography.MD5", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task BannedConstructorFieldAndExtensionMethod_Reported()
    {
        const string source = """
            using System.Linq;
            class C
            {
                object A() => {|#0:new System.Random()|};
                object B() => {|#1:System.Math.PI|};
                int D(int[] values) => {|#2:values.Max()|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"M:System.Random.#ctor\", \"F:System.Math.PI\", \"M:System.Linq.Enumerable.Max(System.Collections.Generic.IEnumerable{System.Int32})\""),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "System.Random.#ctor", "remove it or use what the control prescribes"),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(1).WithArguments("SEC-004", Requirement, "System.Math.PI", "remove it or use what the control prescribes"),
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(2).WithArguments("SEC-004", Requirement, "System.Linq.Enumerable.Max(System.Collections.Generic.IEnumerable{System.Int32})", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task BannedMembersOnly_EveryWayOfWritingTheName_Reported_AndNameOfDeclarationsAndCommentsSilent()
    {
        // Bans of members used only by name are found by searching files for the names: each shape a name can take
        // must still be reported where the operation is, and nothing else that spells the name.
        const string source = """
            using System;
            using static System.Convert;
            class C
            {
                public static event EventHandler? Changed;
                byte[] A(string s) => {|#0:FromBase64String(s)|};
                Func<string, byte[]> B() => {|#1:Convert.FromBase64String|};
                int? D(string? s) => s is null ? null : {|#2:System.Convert.FromBase64String(s)|}?.Length;
                void E(EventHandler h) => {|#3:Changed|} += h;
                Action F(string s) => () => {|#4:Convert.FromBase64String(s)|};
                string G() => nameof(Convert.FromBase64String);
                // FromBase64String in a comment, "FromBase64String" in a string
                string H() => "FromBase64String";
            }
            class D
            {
                static byte[] FromBase64String(int x) => new byte[x];
                byte[] I() => FromBase64String(3);
            }
            """;

        static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ban(int marker, string name) =>
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(marker).WithArguments("SEC-004", Requirement, name, "remove it or use what the control prescribes");

        await Verify.VerifyAsync(source, Yaml("\"M:System.Convert.FromBase64String(System.String)\", \"E:C.Changed\""),
            Ban(0, "System.Convert.FromBase64String(System.String)"), Ban(1, "System.Convert.FromBase64String(System.String)"),
            Ban(2, "System.Convert.FromBase64String(System.String)"), Ban(3, "C.Changed"), Ban(4, "System.Convert.FromBase64String(System.String)"));
    }

    [Fact]
    public async Task SpelledNames_SharingAStart_VerbatimAndInactiveCode_AreReadOncePerUse()
    {
        // One banned name starts another at the same place; each use is still reported once. A verbatim identifier is a
        // use; text in an inactive #if branch is not code.
        const string source = """
            using System;
            class Codec
            {
                public static byte[] FromBase64(string s) => new byte[0];
            }
            class C
            {
                byte[] A(string s) => {|#0:Convert.FromBase64String(s)|};
                byte[] B(string s) => {|#1:Codec.FromBase64(s)|};
                byte[] D(string s) => {|#2:Convert.@FromBase64String(s)|};
            #if NEVER_DEFINED
                byte[] E(string s) => Convert.FromBase64String(s);
            #endif
            }
            """;

        static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ban(int marker, string name) =>
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(marker).WithArguments("SEC-004", Requirement, name, "remove it or use what the control prescribes");

        await Verify.VerifyAsync(source, Yaml("\"M:System.Convert.FromBase64String(System.String)\", \"M:Codec.FromBase64(System.String)\""),
            Ban(0, "System.Convert.FromBase64String(System.String)"), Ban(1, "Codec.FromBase64(System.String)"), Ban(2, "System.Convert.FromBase64String(System.String)"));
    }

    [Fact]
    public async Task SameNameOnAnotherTypeOrOverload_StaysSilent()
    {
        // The name matches the banned method's; the symbols do not (another type, another overload, another constructor).
        const string source = """
            class Codec
            {
                public static byte[] FromBase64String(string s) => new byte[0];
                public int PI => 3;
            }
            class C
            {
                byte[] A(string s) => Codec.FromBase64String(s);
                byte[] B(char[] c) => System.Convert.FromBase64CharArray(c, 0, c.Length);
                object D() => new System.Random(42);
                int E(Codec codec) => codec.PI;
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"M:System.Convert.FromBase64String(System.String)\", \"M:System.Random.#ctor\", \"F:System.Math.PI\""));
    }

    [Fact]
    public async Task CleanCodeAndNameOf_StaySilent()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                // MD5.Create() in a comment is not a use.
                string Name() => nameof(MD5) + nameof(MD5.Create);
                byte[] M(byte[] data) => SHA256.HashData(data);
            }
            """;

        await Verify.VerifyAsync(source, Yaml("\"T:System.Security.Cryptography.MD5\""));
    }

    [Fact]
    public async Task SeverityNone_ReportsNothing()
    {
        const string source = """
            class C { object M() => System.Security.Cryptography.MD5.Create(); }
            """;
        var yaml = """
            controls:
              - id: SEC-004
                requirement: No MD5
                check: banned
                severity: none
                parameters:
                  symbols: ["T:System.Security.Cryptography.MD5"]
            """;

        await Verify.VerifyAsync(source, yaml);
    }

    [Fact]
    public async Task NoRequirementsFile_UsesBaselineWithoutBans()
    {
        const string source = """
            class C { object M() => System.Security.Cryptography.MD5.Create(); }
            """;

        await Verify.VerifyAsync(source, yaml: null);
    }

    [Fact]
    public async Task SymbolWaiver_SuppressesInsideWaivedMethodOnly()
    {
        const string source = """
            namespace Legacy
            {
                class Crypto
                {
                    object DecryptV1(byte[] data) => System.Security.Cryptography.MD5.Create();
                    object Other() => {|#0:System.Security.Cryptography.MD5.Create()|};
                }
            }
            """;
        var yaml = Yaml("\"T:System.Security.Cryptography.MD5\"", """
            exceptions:
              - control: SEC-004
                symbol: "M:Legacy.Crypto.DecryptV1(System.Byte[])"
                justification: decrypt-only path for migrating old records
                approved_by: security-team
                expires: 2027-03-31
            """);

        await Verify.VerifyAsync(source, yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "System.Security.Cryptography.MD5", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task NamespaceAndPathWaivers_Suppress()
    {
        const string source = """
            namespace Legacy.Old
            {
                class Crypto { object M() => System.Security.Cryptography.MD5.Create(); }
            }
            """;
        var yaml = Yaml("\"T:System.Security.Cryptography.MD5\"", """
            exceptions:
              - control: SEC-004
                namespace: Legacy
                justification: being removed
            """);

        await Verify.VerifyAsync(source, yaml);

        var pathYaml = Yaml("\"T:System.Security.Cryptography.MD5\"", """
            exceptions:
              - control: SEC-004
                path: "Test*.cs"
                justification: being removed
            """);
        await Verify.VerifyAsync(source, pathYaml);
    }

    [Fact]
    public async Task ExpiredWaiver_StopsSuppressing()
    {
        const string source = """
            namespace Legacy
            {
                class Crypto { object M() => {|#0:System.Security.Cryptography.MD5.Create()|}; }
            }
            """;
        var yaml = Yaml("\"T:System.Security.Cryptography.MD5\"", """
            exceptions:
              - control: SEC-004
                namespace: Legacy
                justification: being removed
                expires: 2026-05-31
            """);

        await Verify.VerifyAsync(source, yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedSymbol).WithLocation(0).WithArguments("SEC-004", Requirement, "System.Security.Cryptography.MD5", "remove it or use what the control prescribes"));
    }

    [Fact]
    public async Task WaiverExpiringToday_StillSuppresses()
    {
        const string source = """
            namespace Legacy
            {
                class Crypto { object M() => System.Security.Cryptography.MD5.Create(); }
            }
            """;
        var yaml = Yaml("\"T:System.Security.Cryptography.MD5\"", """
            exceptions:
              - control: SEC-004
                namespace: Legacy
                justification: being removed
                expires: 2026-06-01
            """);

        await Verify.VerifyAsync(source, yaml);
    }
}
