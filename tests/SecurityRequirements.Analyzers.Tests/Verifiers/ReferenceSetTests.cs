using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference sets come from the test project's restore and resolve without a package source:
/// each resolves to exactly its files, the named sets hold what their tests compile against, and no
/// test asks the harness to download a package.
/// </summary>
public class ReferenceSetTests
{
    public static TheoryData<string> SetNames() => new(TestReferences.Names.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SetNames))]
    public async Task EverySet_ResolvesToExactlyItsRestoredFiles(string set)
    {
        var files = TestReferences.Files(set);

        var references = await TestReferences.Get(set).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        Assert.Equal(files, references.Select(r => Path.GetFullPath(((PortableExecutableReference)r).FilePath!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NamedSets_HoldTheAssembliesTheirTestsUse()
    {
        Assert.Contains("System.Runtime.dll", Names("Net80"));
        Assert.DoesNotContain(Names("Net80"), name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        AssertHas(OAuthReferences.AspNetCore, "Microsoft.AspNetCore.Authentication.OpenIdConnect.dll", "Microsoft.AspNetCore.Authentication.Google.dll", "Microsoft.AspNetCore.Authentication.OAuth.dll");
        AssertHas(OAuthReferences.Jwt, "Microsoft.IdentityModel.Tokens.dll", "System.IdentityModel.Tokens.Jwt.dll");
        AssertHas(OAuthReferences.OpenIddict, "OpenIddict.Server.dll", "OpenIddict.Abstractions.dll");
        AssertHas(OAuthReferences.DuendeIdentityModel, "Duende.IdentityModel.dll");
        AssertHas(OAuthReferences.IdentityModel, "IdentityModel.dll");
        AssertHas(OAuthReferences.Msal, "Microsoft.Identity.Client.dll");
        AssertHas(PiiTestSetup.References, "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.Compliance.Abstractions.dll");
        AssertHas(PiiTestSetup.WithAspNetCore, "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.AspNetCore.Http.Abstractions.dll");
        Assert.DoesNotContain(Names("PiiLogging"), name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void NoTest_DownloadsReferencePackages()
    {
        // Each of these makes the harness fetch packages while the tests run; built from parts so this file does not match itself.
        var downloading = new Regex(string.Join("|", new[] { "ReferenceAssemblies" + @"\.(Net|NetCore|NetStandard|NetFramework|Default)\b", @"\." + "AddPackages" + @"\(", @"\." + "WithPackages" + @"\(" }));
        var root = Path.Combine(RepositoryPaths.Root, "tests", "SecurityRequirements.Analyzers.Tests");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(x => downloading.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.path)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use TestReferences (tests/ReferenceSets) instead:\n" + string.Join("\n", offenders));
    }

    private static IReadOnlyList<string> Names(string set) => TestReferences.Files(set).Select(Path.GetFileName).ToList()!;

    private static void AssertHas(ReferenceAssemblies references, params string[] fileNames)
    {
        var names = references.Assemblies.Select(a => Path.GetFileName(a) + ".dll").ToHashSet(StringComparer.Ordinal);
        foreach (var fileName in fileNames)
        {
            Assert.Contains(fileName, names);
        }
    }
}
