using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>Broken and unusual code goes through every analyzer without an analyzer exception (AD0001).</summary>
public class PiiAuditRobustnessTests
{
    [Theory]
    [InlineData("class C { string M(Patient p) => p.; }")]
    [InlineData("class C { string M(Patient p) { return p.Email")]
    [InlineData("class C { void M(Patient p) { Console.WriteLine($\"{p.Email\"); } }")]
    [InlineData("record R([property: Unknown] string Email) { string M() => Email; }")]
    [InlineData("class C(string email) { string M() => email; void N() { (email, var x) = (\"a\", 1); } }")]
    [InlineData("class C { [System.Obsolete(nameof(Patient.Email))] string M(Patient p) => p?.Email ?? p!.FullName; }")]
    [InlineData("class C { System.Func<Patient, string> F = p => p.Email; static string S = new Patient().Email; }")]
    [InlineData("using System.Diagnostics; class C { void M(Patient p) { Debug.Assert(p.Email != null, \"mail \" + p.Email); Trace.WriteLine(p); } }")]
    public async Task MalformedOrUnusualCode_RaisesNoAnalyzerException(string source)
    {
        const string patient = """
            using System;
            public class PersonalDataAttribute : Attribute { }
            public class Patient { public string Email { get; set; } = ""; [PersonalData] public string FullName { get; set; } = ""; }
            """;
        var compilation = AnalyzerRunner.Compile(patient, "using System;\n" + source);
        var result = await AnalyzerRunner.RunAsync(compilation, PiiTestSetup.Yaml);
        Assert.Empty(result.Exceptions);
    }
}
