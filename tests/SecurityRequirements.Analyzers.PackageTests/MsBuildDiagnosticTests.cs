using SecurityRequirements.Analyzers.PackageTests.Infrastructure;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>The parser of MSBuild's canonical error format, which every build assertion relies on.</summary>
public sealed class MsBuildDiagnosticTests
{
    [Fact]
    public void Parses_a_located_warning_with_help_link_and_project()
    {
        var diagnostic = MsBuildDiagnostic.TryParse(
            "/tmp/c/app/Hasher.cs(7,17): warning SRA9001: SEC-004 'No MD5': 'T:System.Security.Cryptography.MD5' is banned; use SHA256 (https://example.com/docs/rules/SRA9001.md) [/tmp/c/app/app.csproj]");

        Assert.Equal(
            new MsBuildDiagnostic("/tmp/c/app/Hasher.cs", 7, 17, "warning", "SRA9001", "SEC-004 'No MD5': 'T:System.Security.Cryptography.MD5' is banned; use SHA256", "https://example.com/docs/rules/SRA9001.md"),
            diagnostic);
    }

    [Fact]
    public void Parses_a_span_location_an_error_and_a_windows_path()
    {
        var diagnostic = MsBuildDiagnostic.TryParse(@"  C:\src\security_requirements.yaml(6,5,6,9): error SRA0003: Unknown key 'chek' in control [C:\src\app.csproj]");

        Assert.Equal(new MsBuildDiagnostic(@"C:\src\security_requirements.yaml", 6, 5, "error", "SRA0003", "Unknown key 'chek' in control", null), diagnostic);
    }

    [Fact]
    public void Parses_a_diagnostic_without_location()
    {
        var diagnostic = MsBuildDiagnostic.TryParse("CSC : warning CS8032: An instance of analyzer X cannot be created [/tmp/app.csproj]");

        Assert.Equal(new MsBuildDiagnostic("CSC", 0, 0, "warning", "CS8032", "An instance of analyzer X cannot be created", null), diagnostic);
    }

    [Fact]
    public void Ignores_other_lines_and_repeated_diagnostics()
    {
        const string output = """
              Determining projects to restore...
              app -> /tmp/app/bin/Debug/net10.0/app.dll
            /tmp/app/A.cs(1,2): warning SRA9002: SEC-004 'x': string "a" matches banned pattern 'a'; y [/tmp/app/app.csproj]
            Build succeeded.
            /tmp/app/A.cs(1,2): warning SRA9002: SEC-004 'x': string "a" matches banned pattern 'a'; y [/tmp/app/app.csproj]
                1 Warning(s)
            """;

        var diagnostic = Assert.Single(MsBuildDiagnostic.ParseAll(output));
        Assert.Equal(("A.cs", "SRA9002"), (diagnostic.FileName, diagnostic.Id));
    }
}
