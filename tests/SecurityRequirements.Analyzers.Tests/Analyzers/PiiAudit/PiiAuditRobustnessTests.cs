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
    [InlineData("record R(string Email); class C { void M(R r, object o) { var (a) = r; var (x, y) = (1, r.Email); if (o is R(var e)) { } if (o is R { Email: var f }) { } foreach (var (q, w) in new[] { (1, 2) }) { } } }")]
    [InlineData("class C { void M(System.Linq.IQueryable<Patient> q) { var a = from p in q let e = p.Email where e != null group p by p.Email into g select g.Key; var b = q.Select(p => p.Email == null ? p.FullName : p.Email).ToList(); } }")]
    [InlineData("class C { string M(System.Security.Claims.ClaimsPrincipal u, string t) => u.FindFirst(t)?.Value + u.FindFirst(c => c.Type == t)?.Value + u.FindFirst(c => true)?.Value + u.Identity?.Name; }")]
    [InlineData("class Log { public static void Info(string m) { } public static void LogX(params string[] a) { } } class C { void M(Patient p) { Log.Info(p.Email); Log.LogX(p.Email, p.FullName); Log.Info(p?.Email ?? p?.FullName ?? \"\"); } }")]
    [InlineData("class C { string M(Patient p) { var claim = Missing(); return claim?.Value; } void N(Patient p) => (p.Email, p.FullName) = (p.FullName, p.Email); }")]
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
