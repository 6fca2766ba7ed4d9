using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>
/// The oauth-pkce rules together, through every analyzer of the package: baseline, empty and invalid files,
/// waivers, and malformed code (no AD0001).
/// </summary>
public class PkceRequirementsFileTests
{
    private const string AspNetCoreStandIn = """
        namespace Microsoft.AspNetCore.Authentication.OpenIdConnect
        {
            public class OpenIdConnectOptions
            {
                public bool UsePkce { get; set; } = true;
                public string ResponseType { get; set; } = "code";
            }
        }

        namespace Microsoft.IdentityModel.Tokens
        {
            public class SecurityTokenDescriptor { public System.DateTime? Expires { get; set; } }
        }
        """;

    private const string Source = """
        using Duende.IdentityServer.Models;
        using Microsoft.AspNetCore.Authentication.OpenIdConnect;

        namespace App
        {
            static class Login
            {
                static OpenIdConnectOptions Oidc() => new OpenIdConnectOptions { UsePkce = false, ResponseType = "id_token token" };
                static Client Client() => new Client { AllowPlainTextPkce = true, AccessTokenLifetime = 3600 };
                static string Url(string id) => $"https://id.example/authorize?response_type=code&client_id={id}";
            }
        }
        """;

    private static readonly string[] AllIds = ["SRA2001", "SRA2002", "SRA2003", "SRA2004", "SRA2005"];

    private static Task<AnalyzerRunResult> RunAsync(string? yaml, string source = Source) =>
        AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(source, AspNetCoreStandIn, IdentityServerStandIns.Duende), yaml);

    private static string[] RuleIds(AnalyzerRunResult result) =>
        result.Diagnostics.Where(d => d.Id.StartsWith("SRA2", StringComparison.Ordinal)).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task NoRequirementsFile_BaselineControlReportsEveryRule()
    {
        var result = await RunAsync(yaml: null);

        result.AssertNoAnalyzerExceptions();
        Assert.Equal(AllIds, RuleIds(result));
        Assert.All(result.Diagnostics.Where(d => d.Id.StartsWith("SRA2", StringComparison.Ordinal)), d =>
        {
            Assert.Equal("SEC-002", d.Properties["ControlId"]);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        });
    }

    [Fact]
    public async Task EmptyControlList_EnforcesNoOAuthControl()
    {
        var result = await RunAsync(yaml: "controls: []\n");

        result.AssertNoAnalyzerExceptions();
        Assert.Empty(RuleIds(result));
    }

    [Fact]
    public async Task InvalidFile_ReportsOnlyFileErrorsAndKeepsTheValidControl()
    {
        const string yaml = """
            controls:
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
                severity: error
                parameters:
                  access_token_lifetime: forever
              - id: SEC-009
                chek: oauth-pkce
            """;

        var result = await RunAsync(yaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Contains(result.FileDiagnostics, d => d.Id == "SRA0007");
        Assert.Equal(AllIds, RuleIds(result));
        Assert.All(result.Diagnostics.Where(d => d.Id.StartsWith("SRA2", StringComparison.Ordinal)), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    // The control's check is inferred and its text names no lifetime, so SRA2004 has nothing to enforce: four rules remain.
    [Theory]
    [InlineData("2027-03-31", 0)]
    [InlineData("2026-01-31", 4)]
    public async Task NamespaceWaiver_SuppressesUntilItExpires(string expires, int expected)
    {
        var yaml = $"""
            controls:
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
            exceptions:
              - control: SEC-002
                namespace: App
                justification: migration to the new IdP
                approved_by: security-team
                expires: {expires}
            """;

        var result = await RunAsync(yaml);

        result.AssertNoAnalyzerExceptions();
        Assert.Equal(expected, RuleIds(result).Length);
    }

    [Theory]
    [InlineData("static class C { static object A() => new Duende.IdentityServer.Models.Client { RequirePkce = , AccessTokenLifetime = }; }")]
    [InlineData("static class C { static string A(string x) => $\"response_type=code&{x\" + ; }")]
    [InlineData("static class C { static object A() => new System.Collections.Generic.Dictionary<string, string> { [\"grant_type\"] = , { \"response_type\" } }; }")]
    [InlineData("static class C { static System.DateTime A() => System.DateTime.UtcNow.AddHours(double.NaN).AddDays(1e300) + System.TimeSpan.FromDays(); }")]
    [InlineData("static class C { static void A(Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor d) { d.Expires = System.DateTime.UtcNow.AddDays(1e300); d.Expires = System.DateTime.UtcNow.AddDays(double.PositiveInfinity); d.Expires = System.DateTime.UtcNow + System.TimeSpan.FromDays(double.NaN); } }")]
    [InlineData("static class C { static void A(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions o) { o.UsePkce = ; o.ResponseType = null; o.ResponseType = \"\"; } }")]
    public async Task MalformedCode_NoAnalyzerException(string source)
    {
        var result = await RunAsync("controls:\n  - id: SEC-002\n    requirement: Implement OAuth 2.0 with PKCE\n", source);

        result.AssertNoAnalyzerExceptions();
    }
}
