using SecurityRequirements.Analyzers.Diagnostics;
using Verify = SecurityRequirements.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecurityRequirements.Analyzers.Analyzers.Bans.BannedPatternAnalyzer>;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Bans;

public class BannedPatternAnalyzerTests
{
    private const string Requirement = "Use the UserRepository; never query users directly";
    private const string Pattern = @"(?i)\bselect\b.+\bfrom\s+users\b";
    private const string Instead = "call UserRepository instead";

    private const string Yaml = """
        controls:
          - id: SEC-004
            requirement: Use the UserRepository; never query users directly
            check: banned
            parameters:
              patterns: ['(?i)\bselect\b.+\bfrom\s+users\b']
              instead: call UserRepository instead
        """;

    [Fact]
    public async Task LiteralInterpolationAndConcatenation_ReportSRA9002()
    {
        const string source = """
            class C
            {
                const string Q = {|#0:"SELECT * FROM users WHERE id = 1"|};
                string M(int id) => {|#1:$"select name from users where id = {id}"|};
                string N() => {|#2:"select name " + "from users"|};
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(0).WithArguments("SEC-004", Requirement, "SELECT * FROM users WHERE id = 1", Pattern, Instead),
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(1).WithArguments("SEC-004", Requirement, "select name from users where id = {id}", Pattern, Instead),
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(2).WithArguments("SEC-004", Requirement, "select name from users", Pattern, Instead));
    }

    [Fact]
    public async Task ConcatenationsAndHoles_ReportedOncePerConstantString()
    {
        // A constant concatenation is one string whatever its pieces (literals, constants, parentheses) and is reported
        // once; a concatenation with a value computed at run time is checked piece by piece; a literal in a hole is read
        // with its interpolated string.
        const string source = """
            class C
            {
                const string Select = "select name ";
                string A() => {|#0:Select + "from users"|};
                string B() => {|#1:("select " + "name ") + ("from " + "users")|};
                string D(int id) => {|#2:"select name from users where id = "|} + id + " and active = 1";
                string E(int id) => {|#3:$"{"select name"} from users where id = {id}"|};
                int[] Table() => new[] { 1 + 2, 3 * 4 };
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(0).WithArguments("SEC-004", Requirement, "select name from users", Pattern, Instead),
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(1).WithArguments("SEC-004", Requirement, "select name from users", Pattern, Instead),
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(2).WithArguments("SEC-004", Requirement, "select name from users where id = ", Pattern, Instead),
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(3).WithArguments("SEC-004", Requirement, "{\"select name\"} from users where id = {id}", Pattern, Instead));
    }

    [Fact]
    public async Task ParameterPieces_AreNoConstants_ButALambdasOwnConstantShadowingOneIs()
    {
        // A parameter of the nearest method or lambda is known not to be constant without binding; a constant the lambda
        // itself declares under an outer parameter's name is still read as one.
        const string source = """
            class C
            {
                string A(string users) => "select name from " + users;
                string B(string q)
                {
                    System.Func<string> read = () =>
                    {
                        const string q = "users";
                        return {|#0:"select name from " + q|};
                    };
                    return read() + q;
                }
            }
            """;

        await Verify.VerifyAsync(source, Yaml,
            Verify.Diagnostic(DiagnosticDescriptors.BannedPattern).WithLocation(0).WithArguments("SEC-004", Requirement, "select name from users", Pattern, Instead));
    }

    [Fact]
    public async Task CleanStrings_StaySilent()
    {
        const string source = """
            class C
            {
                string A => "SELECT * FROM orders";
                string B => "users";
                string D(string t) => "select * from " + t;
            }
            """;

        await Verify.VerifyAsync(source, Yaml);
    }

    [Fact]
    public async Task CatastrophicPattern_TimesOutAndIsReportedOnce()
    {
        var yaml = """
            controls:
              - id: SEC-9
                requirement: No evil strings
                check: banned
                parameters:
                  patterns: [{|#0:'^(a+)+$'|}]
            """;
        var source = "class C { string A => \"" + new string('a', 40) + "!\"; string B => \"" + new string('a', 40) + "?\"; }";

        await Verify.VerifyAsync(source, yaml,
            Verify.Diagnostic(DiagnosticDescriptors.RegexTimedOut).WithLocation(0).WithArguments("^(a+)+$", "SEC-9", "200"));
    }
}
