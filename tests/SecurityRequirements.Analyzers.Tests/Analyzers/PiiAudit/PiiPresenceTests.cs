using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>
/// When nothing in a compilation can be personal data, the PII checks register nothing: a library with no
/// member named like personal data, no personal-data attribute type and no web or identity stack pays nothing.
/// </summary>
public class PiiPresenceTests
{
    private static bool CanFindAny(Compilation compilation, PiiAuditParameters? parameters = null) =>
        new PiiClassifier(compilation, parameters ?? PiiAuditParameters.Default, new IdentitySources(compilation)).CanFindAny;

    [Fact]
    public void ALibraryWithNoPersonalNames_CanFindNothing()
    {
        var compilation = AnalyzerRunner.Compile("public class JsonReader { public string Path { get; set; } = \"\"; public int Depth; public string ReadString() => Path; }");
        Assert.False(CanFindAny(compilation));
    }

    [Theory]
    [InlineData("public class Customer { public string Email { get; set; } = \"\"; }")]
    [InlineData("public record Person(string FirstName);")]
    [InlineData("public class PersonalDataAttribute : System.Attribute { }")]
    public void ASourceMemberNamedLikePersonalData_OrAnAttributeType_CanFindSome(string source) =>
        Assert.True(CanFindAny(AnalyzerRunner.Compile(source)));

    [Fact]
    public void AGlobOrATeamName_CanFindWhatTheyName()
    {
        var compilation = AnalyzerRunner.Compile("public class Account { public decimal Balance { get; set; } }");
        Assert.False(CanFindAny(compilation));
        GlobPattern.TryCreate("*.Balance", '.', ignoreCase: true, out var glob, out _);
        var withGlob = new PiiAuditParameters(PiiAuditParameters.Default.PiiAttributes, ImmutableArray.Create(glob!), PiiAuditParameters.Default.AuditMethods, PiiAuditParameters.Default.AuditFields, null);
        Assert.True(CanFindAny(compilation, withGlob));
        var withName = new PiiAuditParameters(PiiAuditParameters.Default.PiiAttributes, ImmutableArray<GlobPattern>.Empty, PiiAuditParameters.Default.AuditMethods, PiiAuditParameters.Default.AuditFields, null, ImmutableArray.Create("Balance"));
        Assert.True(CanFindAny(compilation, withName));
    }

    [Fact]
    public void AReferenceDeclaringPersonalNames_OrAWebStack_CanFindSome()
    {
        var domain = CSharpCompilation.Create("Shop.Domain", new[] { CSharpSyntaxTree.ParseText("public class Buyer { public string Name { get; set; } = \"\"; }") },
            AnalyzerRunner.Compile().References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var app = AnalyzerRunner.Compile("public class Checkout { }");
        Assert.False(CanFindAny(app));
        Assert.True(CanFindAny(app.AddReferences(domain.ToMetadataReference())));

        var web = CSharpCompilation.Create("Microsoft.AspNetCore.Http.Abstractions", references: app.References, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(CanFindAny(app.AddReferences(web.ToMetadataReference())));
    }
}
