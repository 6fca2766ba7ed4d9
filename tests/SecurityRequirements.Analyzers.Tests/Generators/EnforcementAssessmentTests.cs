using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Tests.Generators;

/// <summary>
/// Each build switch that weakens enforcement, as the generator sees it: the control's status names the reason in plain
/// words, the control is not vouched for, and the verdict leaves it out. The package tests' soundness matrix checks the
/// same switches end to end with real builds.
/// </summary>
public class EnforcementAssessmentTests
{
    private const string ErrorYaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            severity: error
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
            check: oauth-pkce
            severity: error
        """;

    [Fact]
    public void NothingWeakens_BothControlsAreVouched()
    {
        var json = Run(Compile());

        Assert.Equal(("enforced", "error", true), State(json, "SEC-001"));
        Assert.Equal(("enforced", "error", true), State(json, "SEC-002"));
        Assert.False(Root(json).GetProperty("partial").GetBoolean());
        Assert.Equal("If this build succeeded, no violation of SEC-001 and SEC-002 existed, because their rules report at severity error in every file and fail the build.", Verdict(json));
    }

    [Theory]
    [InlineData("false", "analyzers are off in this build (RunAnalyzers or RunAnalyzersDuringBuild is false), so no rule reported anything")]
    [InlineData(null, "the build did not say whether analyzers ran (the package's build files were not imported)")]
    public void AnalyzersOffOrUnknown_NothingIsVouched(string? analyzersRun, string reason)
    {
        var globals = GeneratorHarness.Globals();
        globals.Remove("build_property.SecurityRequirementsAnalyzersRun");
        if (analyzersRun is not null)
        {
            globals["build_property.SecurityRequirementsAnalyzersRun"] = analyzersRun;
        }

        var json = Run(Compile(), globals: globals);

        Assert.Equal(("not-enforced", "none", false), State(json, "SEC-001"));
        Assert.Equal([reason], Reasons(json, "SEC-001"));
        Assert.True(Root(json).GetProperty("partial").GetBoolean());
        Assert.Equal(
            "A successful build proves no control: none is enforced at severity error in every file; SEC-001 and SEC-002 are not covered (not-enforced: " + reason + ").",
            Verdict(json));
    }

    [Fact]
    public void BulkSeverityNoneEverywhere_WeakensEveryControl()
    {
        var json = Run(Compile(), perFile: _ => new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.severity"] = "none" });

        Assert.Equal(("weakened", "none", false), State(json, "SEC-001"));
        Assert.Equal(
            ["SRA1001 and SRA1002 are set to none by dotnet_analyzer_diagnostic.severity = none (a bulk setting in .editorconfig or a global config)"],
            Reasons(json, "SEC-001"));
        Assert.Equal(("weakened", "none", false), State(json, "SEC-002"));
    }

    [Theory]
    [InlineData("suggestion", "info")]
    [InlineData("silent", "none")]
    [InlineData("none", "none")]
    public void BulkCategorySetting_WeakensOnlyThatCheck(string value, string severity)
    {
        var json = Run(Compile(), perFile: _ => new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.category-SecurityRequirements.Encryption.severity"] = value });

        Assert.Equal(("weakened", severity, false), State(json, "SEC-001"));
        Assert.Equal(("enforced", "error", true), State(json, "SEC-002"));
        Assert.StartsWith("If this build succeeded, no violation of SEC-002 existed", Verdict(json), StringComparison.Ordinal);
        Assert.EndsWith("; SEC-001 is not covered (weakened: SRA1001 and SRA1002 are set to " + severity + " by dotnet_analyzer_diagnostic.category-SecurityRequirements.Encryption.severity = " + value + " (a bulk setting in .editorconfig or a global config)).", Verdict(json), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSpecificSetting_WinsOverBulkSetting()
    {
        var compilation = Compile().WithOptions(Compile().Options.WithSyntaxTreeOptionsProvider(new TestTreeOptionsProvider(
            new Dictionary<string, ReportDiagnostic> { ["SRA1001"] = ReportDiagnostic.Error, ["SRA1002"] = ReportDiagnostic.Error },
            (_, _) => null)));

        var json = Run(compilation, perFile: _ => new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.severity"] = "none" });

        Assert.Equal(("enforced", "error", true), State(json, "SEC-001"));
        Assert.Equal(("weakened", "none", false), State(json, "SEC-002"));
    }

    [Fact]
    public void BulkSettingForSomeFiles_MakesTheControlPartial()
    {
        var json = Run(Compile(), perFile: path => path.Contains("/Legacy/", StringComparison.Ordinal)
            ? new Dictionary<string, string> { ["dotnet_analyzer_diagnostic.severity"] = "none" }
            : null);

        Assert.Equal(("partial", "none", false), State(json, "SEC-001"));
        Assert.Equal(
            ["SRA1001 and SRA1002 are set to none in Legacy/Old.cs by dotnet_analyzer_diagnostic.severity = none (a bulk setting in .editorconfig or a global config)"],
            Reasons(json, "SEC-001"));
    }

    [Fact]
    public void WarningsNotAsErrors_UnderTreatWarningsAsErrors_KeepsTheRuleAWarning()
    {
        const string warningYaml = """
            controls:
              - id: SEC-001
                requirement: All sensitive data must be encrypted using AES-256-GCM
                check: encryption
            """;
        var compilation = Compile();
        compilation = compilation.WithOptions(compilation.Options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["SRA1001"] = ReportDiagnostic.Default }));

        var json = GeneratorHarness.Run(compilation, warningYaml).Json;

        Assert.Equal(("weakened", "warning", false), State(json, "SEC-001"));
        // MSBuild passes WarningsNotAsErrors as /warnaserror-:SRA1001, which the compiler keeps as a "default" entry.
        Assert.Equal(["SRA1001 is set to warning by WarningsNotAsErrors (or /warnaserror-)"], Reasons(json, "SEC-001"));
    }

    [Fact]
    public void EditorConfigWarning_UnderTreatWarningsAsErrors_StaysAWarning()
    {
        var compilation = Compile();
        compilation = compilation.WithOptions(compilation.Options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSyntaxTreeOptionsProvider(new TestTreeOptionsProvider(new Dictionary<string, ReportDiagnostic>(), (_, id) => id == "SRA2001" ? ReportDiagnostic.Warn : null)));

        var json = Run(compilation);

        // The compiler promotes only warnings no option names; a per-file severity is such an option.
        Assert.Equal(("weakened", "warning", false), State(json, "SEC-002"));
        Assert.Equal(["SRA2001 is set to warning by .editorconfig (dotnet_diagnostic.SRA2001.severity)"], Reasons(json, "SEC-002"));
    }

    [Fact]
    public void WarningLevelZero_DropsWarningsEvenUnderTreatWarningsAsErrors()
    {
        const string warningYaml = """
            controls:
              - id: SEC-001
                requirement: All sensitive data must be encrypted using AES-256-GCM
                check: encryption
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
                check: oauth-pkce
                severity: error
            """;
        var compilation = Compile();
        compilation = compilation.WithOptions(((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)compilation.Options).WithGeneralDiagnosticOption(ReportDiagnostic.Error).WithWarningLevel(0));

        var json = GeneratorHarness.Run(compilation, warningYaml).Json;

        Assert.Equal(("weakened", "none", false), State(json, "SEC-001"));
        Assert.Equal(["SRA1001 and SRA1002 are set to none by WarningLevel 0, which drops every warning"], Reasons(json, "SEC-001"));
        Assert.Equal(("enforced", "error", true), State(json, "SEC-002"));
    }

    [Fact]
    public void GeneratedFiles_AreListed_AndAControlThatSkipsThemIsPartial()
    {
        var yaml = ErrorYaml + "\n    parameters:\n      skip_generated_code: true\n";
        var compilation = GeneratorHarness.Compile(
            ("Service.cs", "class Service { }"),
            ("Form1.Designer.cs", "partial class Form1 { }"),
            ("obj/Api.g.cs", "class Api { }"),
            ("Mapper.cs", "// <auto-generated/>\nclass Mapper { }"),
            ("Proto.cs", "class Proto { }"));

        var json = Run(compilation, yaml, perFile: path => path.EndsWith("Proto.cs", StringComparison.Ordinal)
            ? new Dictionary<string, string> { ["generated_code"] = "true" }
            : null);

        var generated = Root(json).GetProperty("build").GetProperty("generatedFiles").EnumerateArray()
            .Select(e => e.GetProperty("file").GetString() + ":" + e.GetProperty("reason").GetString());
        Assert.Equal(["Form1.Designer.cs:name", "Mapper.cs:header", "Proto.cs:configuration", "obj/Api.g.cs:name"], generated);
        Assert.Equal(("enforced", "error", true), State(json, "SEC-001"));
        Assert.Equal(("partial", "error", false), State(json, "SEC-002"));
        Assert.Equal(["4 generated files are not checked (skip_generated_code: true): Form1.Designer.cs, Mapper.cs, Proto.cs, obj/Api.g.cs"], Reasons(json, "SEC-002"));
    }

    [Fact]
    public void PkceReadFromConfiguration_IsCounted_AndLeftToSRA2006()
    {
        var compilation = GeneratorHarness.Compile(
            ("Startup.cs", """
                class Options { public bool UsePkce { get; set; } public bool RequirePkce { get; set; } }
                class OpenIdConnectOptions { }
                class Startup
                {
                    void A(Options o, System.Func<string, string> config) { o.UsePkce = bool.Parse(config("Oidc:UsePkce")); o.RequirePkce = true; }
                    Options B(bool pkce) => new Options { UsePkce = (true), RequirePkce = pkce };
                    void C(dynamic services, dynamic configuration)
                    {
                        services.Configure<OpenIdConnectOptions>(configuration.GetSection("Oidc"));
                        services.Configure<OpenIdConnectOptions>((System.Action<OpenIdConnectOptions>)(o => { }));
                        services.AddOptions<OpenIdConnectOptions>("oidc").Bind(configuration.GetSection("Oidc"));
                        services.AddIdentityServer().AddInMemoryClients(configuration.GetSection("Clients"));
                        services.AddIdentityServer().AddInMemoryClients(Clients);
                    }
                    static object[] Clients => new object[0];
                }
                """),
            ("Other.cs", "class Other { }"),
            ("Handler.cs", "namespace Microsoft.AspNetCore.Authentication.OpenIdConnect { public class OpenIdConnectOptions { public bool UsePkce { get; set; } } }"));

        var json = Run(compilation);

        var fromConfiguration = Root(json).GetProperty("build").GetProperty("pkceSettingsFromConfiguration");
        Assert.Equal(5, fromConfiguration.GetProperty("count").GetInt32());
        Assert.Equal(["Startup.cs"], fromConfiguration.GetProperty("files").EnumerateArray().Select(e => e.GetString()));

        // SRA2006 reports each of those places at the control's severity, so at error they fail the build themselves.
        Assert.Equal(("enforced", "error", true), State(json, "SEC-002"));
    }

    [Fact]
    public void PkceSettingsAreNotCounted_WithoutATypeWhosePkceSettingsSRA2006Reads()
    {
        // The same assignments with no OpenIdConnectOptions, OAuthOptions or IdentityServer Client in the compilation: SRA2006 reports none of them.
        var compilation = GeneratorHarness.Compile(("Startup.cs", """
            class Options { public bool UsePkce { get; set; } }
            class Startup { void A(Options o, System.Func<string, string> config) => o.UsePkce = bool.Parse(config("Oidc:UsePkce")); }
            """));

        var json = Run(compilation);

        var fromConfiguration = Root(json).GetProperty("build").GetProperty("pkceSettingsFromConfiguration");
        Assert.Equal(0, fromConfiguration.GetProperty("count").GetInt32());
        Assert.Empty(fromConfiguration.GetProperty("files").EnumerateArray());
    }

    [Fact]
    public void PkceSettings_AreCountedOnceTheTypeArrives_InTheSameDriver()
    {
        // The per-file counts are kept across edits; whether the compilation has the type is asked again on each run.
        var startup = CSharpSyntaxTree.ParseText(
            "class Options { public bool UsePkce { get; set; } } class Startup { void A(Options o, System.Func<string, string> config) => o.UsePkce = bool.Parse(config(\"Oidc:UsePkce\")); }",
            GeneratorHarness.ParseOptions,
            path: GeneratorHarness.ProjectDirectory + "/Startup.cs");
        var compilation = GeneratorHarness.Compile().AddSyntaxTrees(startup);
        var driver = GeneratorHarness.CreateDriver(ErrorYaml).RunGenerators(compilation);
        Assert.Equal(0, PkceFromConfiguration(driver));

        var handler = CSharpSyntaxTree.ParseText(
            "namespace Microsoft.AspNetCore.Authentication.OpenIdConnect { public class OpenIdConnectOptions { public bool UsePkce { get; set; } } }",
            GeneratorHarness.ParseOptions,
            path: GeneratorHarness.ProjectDirectory + "/Handler.cs");
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(handler));

        Assert.Equal(1, PkceFromConfiguration(driver));
    }

    private static int PkceFromConfiguration(GeneratorDriver driver)
    {
        var attestation = (AttestationOutput)driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Manifest].Single().Outputs.Single().Value;
        return Root(attestation.ManifestJson).GetProperty("build").GetProperty("pkceSettingsFromConfiguration").GetProperty("count").GetInt32();
    }

    [Fact]
    public void ProjectWideWaiver_WeakensItsControl_AndIsMarked()
    {
        var yaml = ErrorYaml + """

            exceptions:
              - control: SEC-001
                path: "**/*.cs"
                justification: legacy everywhere
                approved_by: security-team
              - control: SEC-002
                namespace: App.Auth
                justification: one namespace only
                expires: 2026-07-01
            """;
        var compilation = GeneratorHarness.Compile(("A.cs", "namespace App.Web { class A { } }"), ("B.cs", "namespace App.Auth { class B { } }"));

        var json = Run(compilation, yaml);

        Assert.Equal(("weakened", "error", false), State(json, "SEC-001"));
        Assert.Equal(["the waiver path:**/*.cs covers the whole project"], Reasons(json, "SEC-001"));
        Assert.Equal(("enforced", "error", true), State(json, "SEC-002"));
        var waivers = Root(json).GetProperty("waivers").EnumerateArray().ToList();
        Assert.Equal(2, waivers.Count);
        Assert.True(waivers[0].GetProperty("projectWide").GetBoolean());
        Assert.True(waivers[0].GetProperty("openEnded").GetBoolean());
        Assert.Equal("security-team", waivers[0].GetProperty("approvedBy").GetString());
        Assert.False(waivers[1].GetProperty("projectWide").GetBoolean());
        Assert.False(waivers[1].GetProperty("openEnded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, waivers[1].GetProperty("approvedBy").ValueKind);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public void EffectiveDate_IsRecordedWithWhetherItWasPinned(string? pinned, bool expected)
    {
        var globals = GeneratorHarness.Globals();
        if (pinned is not null)
        {
            globals["build_property.SecurityRequirementsTodayPinned"] = pinned;
        }

        var build = Root(Run(Compile(), globals: globals)).GetProperty("build");

        Assert.Equal(GeneratorHarness.Today, build.GetProperty("today").GetString());
        Assert.Equal(expected, build.GetProperty("todayPinned").GetBoolean());
    }

    [Fact]
    public void UnknownParameterKeys_AreListedAsIgnored_NotAsParameters()
    {
        var yaml = ErrorYaml.Replace("    severity: error\n  - id: SEC-002", "    severity: error\n    parameters:\n      min_key_size: 128\n      algorithms: [AES-128-GCM]\n  - id: SEC-002", StringComparison.Ordinal);

        var control = Control(Run(Compile(), yaml), "SEC-001");

        Assert.Equal(["min_key_size"], control.GetProperty("ignored").EnumerateArray().Select(e => e.GetString()));
        var parameters = control.GetProperty("parameters");
        Assert.False(parameters.TryGetProperty("min_key_size", out _));
        Assert.Equal("128", parameters.GetProperty("min_key_bits").GetString());
        Assert.Equal(["AES-128-GCM"], parameters.GetProperty("algorithms").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Suppressions_CountAsJustifiedOnlyWithARealReason()
    {
        var compilation = GeneratorHarness.Compile(("A.cs", """
            class A
            {
            #pragma warning disable SRA1001 // checksum of a public file, not a secret
            #pragma warning disable SRA1002
            #pragma warning disable SRA9001 // TODO
                [System.Diagnostics.CodeAnalysis.SuppressMessage("SecurityRequirements", "SRA1003", Justification = "<Pending>")]
                void M() { }
            }
            """));

        var suppressions = Root(Run(compilation)).GetProperty("suppressions").EnumerateArray()
            .Select(e => e.GetProperty("id").GetString() + ":" + e.GetProperty("justified").GetBoolean())
            .ToList();

        Assert.Equal(["SRA1001:True", "SRA1002:False", "SRA9001:False", "SRA1003:False"], suppressions);
    }

    [Fact]
    public void Pragmas_AreReadFromDirectivesOnly_WhereverTheTextSpellsThem()
    {
        // The scan searches the text for "#pragma" and confirms each place on the tree: spaces after '#' still make a
        // directive; a string, a comment or inactive code does not.
        var compilation = GeneratorHarness.Compile(("A.cs", """
            class A
            {
                string S = "#pragma warning disable SRA1001";
                // #pragma warning disable SRA1002
            #if NEVER
            #pragma warning disable SRA1003
            #endif
            #  pragma warning disable SRA1004 // keys come from the vault
            #pragma warning restore SRA1004
            	#pragma	warning disable SRA1005
            }
            """));

        var suppressions = Root(Run(compilation)).GetProperty("suppressions").EnumerateArray()
            .Select(e => e.GetProperty("id").GetString() + ":" + e.GetProperty("line").GetInt32())
            .ToList();

        Assert.Equal(["SRA1004:8", "SRA1005:10"], suppressions);
    }

    private static Compilation Compile() => GeneratorHarness.Compile(("Service.cs", "class Service { }"), ("Legacy/Old.cs", "class Old { }"));

    private static string Run(Compilation compilation, string yaml = ErrorYaml, Dictionary<string, string>? globals = null, Func<string, IReadOnlyDictionary<string, string>?>? perFile = null) =>
        GeneratorHarness.Run(compilation, yaml, globals, perFile: perFile).Json;

    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement Control(string json, string id) =>
        Root(json).GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static (string?, string?, bool) State(string json, string id)
    {
        var control = Control(json, id);
        return (control.GetProperty("status").GetString(), control.GetProperty("severity").GetString(), control.GetProperty("vouched").GetBoolean());
    }

    private static string[] Reasons(string json, string id) =>
        Control(json, id).GetProperty("statusReasons").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string Verdict(string json) => Root(json).GetProperty("verdict").GetString()!;
}
