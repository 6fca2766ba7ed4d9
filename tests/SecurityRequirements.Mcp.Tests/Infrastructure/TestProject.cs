using System.Diagnostics;

namespace SecurityRequirements.Mcp.Tests.Infrastructure;

/// <summary>A small C# project in a temporary folder (outside the repository, so none of its build files apply), restored offline.</summary>
internal sealed class TestProject : IDisposable
{
    public const string RequirementsAtError = """
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            severity: error
        """;

    public const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private TestProject(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
    }

    public string Root { get; }

    public string ProjectPath => Path.Combine(Root, "App.csproj");

    public static TestProject Create(string? requirements = RequirementsAtError, string projectFile = ProjectFile, bool restore = true, params (string Path, string Text)[] files)
    {
        var project = new TestProject(Path.Combine(Path.GetTempPath(), "sra-mcp-tests", Guid.NewGuid().ToString("N")));
        project.Write("App.csproj", projectFile);
        if (requirements is not null)
        {
            project.Write("security_requirements.yaml", requirements);
        }

        project.Write("Program.cs", "namespace App;\n\npublic static class Program\n{\n    public static void Main() { }\n}\n");
        foreach (var (path, text) in files)
        {
            project.Write(path, text);
        }

        if (restore)
        {
            project.Restore();
        }

        return project;
    }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public void Restore()
    {
        var start = new ProcessStartInfo("dotnet", ["restore", ProjectPath, "-nologo", "-v:q", "-nodeReuse:false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet restore of the test project timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet restore failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server process that is still closing may hold a file for a moment; the folder is under the temp path.
        }
    }
}
