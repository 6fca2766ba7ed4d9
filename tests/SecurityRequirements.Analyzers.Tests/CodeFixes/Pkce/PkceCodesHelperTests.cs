using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.CodeFixes.Pkce;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Pkce;

/// <summary>The PKCE helper text the SRA2005 fix adds, compiled and run against RFC 7636.</summary>
public class PkceCodesHelperTests
{
    private static readonly Lazy<Type> Helper = new(() =>
    {
        var compilation = AnalyzerRunner.Compile(PkceCodesHelper.ClassSource);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext(nameof(PkceCodesHelperTests), isCollectible: true).LoadFromStream(image).GetType(PkceCodesHelper.TypeName)!;
    });

    [Fact]
    public void Challenge_MatchesTheRfc7636AppendixBExample()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Invoke("CreateChallenge", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void Verifier_Is43UnreservedCharacters_FreshEachTime_AndItsChallengeIsAccepted()
    {
        var first = Invoke("CreateVerifier");
        var second = Invoke("CreateVerifier");

        Assert.Matches("^[A-Za-z0-9._~-]{43}$", first);
        Assert.NotEqual(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", Invoke("CreateChallenge", first));
    }

    [Theory]
    [InlineData(42, 'a')]
    [InlineData(129, 'a')]
    [InlineData(43, '+')]
    [InlineData(43, '=')]
    [InlineData(43, ' ')]
    [InlineData(43, 'é')]
    public void VerifierOutsideRfc7636_ThrowsArgumentException(int length, char character)
    {
        var verifier = new string('a', length - 1) + character;

        var exception = Assert.Throws<ArgumentException>(() => Invoke("CreateChallenge", verifier));

        Assert.Equal("codeVerifier", exception.ParamName);
        Assert.Contains("RFC 7636", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds43And128_AreAccepted_NullIsRejected()
    {
        Assert.NotEmpty(Invoke("CreateChallenge", new string('~', 43)));
        Assert.NotEmpty(Invoke("CreateChallenge", new string('.', 128)));
        Assert.Equal("codeVerifier", Assert.Throws<ArgumentNullException>(() => Invoke("CreateChallenge", new object?[] { null })).ParamName);
    }

    private static string Invoke(string name, params object?[] arguments)
    {
        var method = Helper.Value.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return (string)method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            throw wrapped.InnerException;
        }
    }
}
