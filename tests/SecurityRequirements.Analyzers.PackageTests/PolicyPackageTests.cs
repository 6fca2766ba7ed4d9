using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityRequirements.Analyzers.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SecurityRequirements.Analyzers.PackageTests;

/// <summary>
/// The recipe of docs/policy-package.md, file for file as the page shows it: a policy package that sets
/// its security_requirements.yaml as the requirements file, and a repository that adds its own
/// controls and waivers in a second file. Both files are merged by the build's rules.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class PolicyPackageTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Policy_package_and_repository_file_merge_and_the_attestation_covers_both()
    {
        var policyFeed = Path.Combine(fixture.WorkRoot, "policy-feed");
        Directory.CreateDirectory(policyFeed);
        var consumer = new ConsumerProject(fixture, "policy-package", (policyFeed, "Contoso.*"));
        var files = RecipeFiles();
        Assert.Equal(
            ["Contoso.SecurityPolicy/Contoso.SecurityPolicy.csproj", "Contoso.SecurityPolicy/buildTransitive/Contoso.SecurityPolicy.props", "Contoso.SecurityPolicy/buildTransitive/security_requirements.yaml", "app/app.csproj", "app/security_requirements.yaml"],
            files.Keys);
        foreach (var (path, content) in files)
        {
            consumer.WriteFile(path, content.Replace("Include=\"SecurityRequirements.Analyzers\" Version=\"0.1.0\"", $"Include=\"SecurityRequirements.Analyzers\" Version=\"{fixture.PackageVersion}\"", StringComparison.Ordinal));
        }

        var pack = consumer.Run(["pack", consumer.PathOf("Contoso.SecurityPolicy/Contoso.SecurityPolicy.csproj"), "-o", policyFeed, .. DotNet.IsolatedBuildSwitches]);
        output.WriteLine(pack.ToString());
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.DoesNotContain(MsBuildDiagnostic.ParseAll(pack.Output), d => d.Id.StartsWith("NU", StringComparison.Ordinal));
        using (var policyPackage = System.IO.Compression.ZipFile.OpenRead(Path.Combine(policyFeed, "Contoso.SecurityPolicy.1.0.0.nupkg")))
        {
            var entries = policyPackage.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("buildTransitive/Contoso.SecurityPolicy.props", entries);
            Assert.Contains("buildTransitive/security_requirements.yaml", entries);
        }

        // Clean code, and a legacy cipher in the namespace the repository's file waives.
        consumer.WriteFile("app/Archive.cs", """
            namespace App.Legacy;

            public static class Archive
            {
                public static System.Security.Cryptography.SymmetricAlgorithm OldCipher() => System.Security.Cryptography.DES.Create();
            }
            """);
        var build = consumer.Build("app/app.csproj");
        output.WriteLine(build.ToString());
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(build.Diagnostics, d => d.Id.StartsWith("SRA", StringComparison.Ordinal));

        var editorConfig = build.ReadGeneratedEditorConfig();
        var policyFile = Path.Combine(fixture.PackagesDirectory, "contoso.securitypolicy", "1.0.0", "buildTransitive", "security_requirements.yaml");
        Assert.Equal(
            new[] { GeneratedEditorConfig.NormalizePath(consumer.PathOf("app/security_requirements.yaml")), GeneratedEditorConfig.NormalizePath(policyFile) }.Order(StringComparer.Ordinal),
            editorConfig.RequirementsFiles.Order(StringComparer.Ordinal));

        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(consumer.PathOf("app/bin/Debug/net10.0/app.security-attestation.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal(["APP-001", "SEC-001", "SEC-004"], root.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            Assert.All(root.GetProperty("controls").EnumerateArray(), c => Assert.Equal("error", c.GetProperty("severity").GetString()));
            var requirements = root.GetProperty("requirements");
            var hashes = new[] { requirements.GetProperty("sha256").GetString() }
                .Concat(requirements.GetProperty("additional").EnumerateArray().Select(a => a.GetProperty("sha256").GetString()))
                .Order(StringComparer.Ordinal);
            Assert.Equal(new[] { Sha256Of(policyFile), Sha256Of(consumer.PathOf("app/security_requirements.yaml")) }.Order(StringComparer.Ordinal), hashes);
            var waiver = Assert.Single(root.GetProperty("waivers").EnumerateArray());
            Assert.Equal(("SEC-001", "namespace:App.Legacy", true), (waiver.GetProperty("control").GetString(), waiver.GetProperty("scope").GetString(), waiver.GetProperty("active").GetBoolean()));
        }

        var verify = fixture.RunSra(consumer.PathOf("app"), "verify", "bin/Debug/net10.0/app.dll", "--policy", policyFile, "--policy", "security_requirements.yaml");
        output.WriteLine(verify.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("3 required control(s) vouched for at error: APP-001, SEC-001, SEC-004", verify.Output, StringComparison.Ordinal);

        // The repository's control is enforced, and it cannot redefine one of the organisation's.
        consumer.WriteFile("app/Users.cs", """
            namespace App;

            public static class Users
            {
                public const string All = "SELECT * FROM users";
            }
            """);
        consumer.WriteFile("app/security_requirements.yaml", files["app/security_requirements.yaml"].Replace("controls:\n", "controls:\n  - id: SEC-004\n    name: Weaker\n    requirement: Hashes are fine\n", StringComparison.Ordinal));
        var violated = consumer.Build("app/app.csproj");
        output.WriteLine(violated.ToString());
        Assert.False(violated.Succeeded);
        var banned = Assert.Single(violated.WithId("SRA9002"));
        Assert.Equal(("error", "Users.cs"), (banned.Severity, banned.FileName));
        Assert.StartsWith("APP-001 'Use the UserRepository; never query users directly': ", banned.Message, StringComparison.Ordinal);
        // Which definition comes first depends on where the package cache lies relative to the repository
        // (path order); either way the repeated id is an error at the later one, and the build fails.
        var duplicate = Assert.Single(violated.WithId("SRA0005"));
        Assert.Equal("error", duplicate.Severity);
        Assert.StartsWith("Control id 'SEC-004' is already used", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains(GeneratedEditorConfig.NormalizePath(duplicate.File), new[] { GeneratedEditorConfig.NormalizePath(consumer.PathOf("app/security_requirements.yaml")), GeneratedEditorConfig.NormalizePath(policyFile) });
    }

    /// <summary>The files of the recipe: each is a line holding only `path`, followed by a fenced block with its content.</summary>
    private Dictionary<string, string> RecipeFiles()
    {
        var page = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "docs", "policy-package.md")).ReplaceLineEndings("\n");
        return RecipeFile().Matches(page).ToDictionary(m => m.Groups["path"].Value, m => m.Groups["content"].Value);
    }

    private static string Sha256Of(string path) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [GeneratedRegex("^`(?<path>[A-Za-z0-9_./-]+)`\\n```[a-z]*\\n(?<content>.*?\\n)```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RecipeFile();
}
