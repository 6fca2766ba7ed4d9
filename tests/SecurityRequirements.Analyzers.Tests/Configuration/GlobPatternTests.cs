using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

public class GlobPatternTests
{
    [Theory]
    [InlineData("src/Legacy/**", "src/Legacy/A.cs", true)]
    [InlineData("src/Legacy/**", "src/Legacy/Deep/B.cs", true)]
    [InlineData("src/Legacy/**", "src/Other/A.cs", false)]
    [InlineData("src/**/a.cs", "src/a.cs", true)]
    [InlineData("src/**/a.cs", "src/x/y/a.cs", true)]
    [InlineData("src/**/a.cs", "src/x/ya.cs", false)]
    [InlineData("src/*.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/x/a.cs", false)]
    [InlineData("src/?.cs", "src/a.cs", true)]
    [InlineData("src/?.cs", "src/ab.cs", false)]
    [InlineData("SRC/legacy/*.CS", "src/Legacy/a.cs", true)]
    [InlineData("src\\Legacy\\*.cs", "src/Legacy/a.cs", true)]
    public void PathGlob_Matches(string pattern, string path, bool expected)
    {
        Assert.True(GlobPattern.TryCreate(pattern, '/', ignoreCase: true, out var glob, out _));
        Assert.Equal(expected, glob!.IsMatch(path));
    }

    [Theory]
    [InlineData("*.Email", "User.Email", true)]
    [InlineData("*.Email", "MyApp.Models.User.Email", false)]
    [InlineData("**.Email", "MyApp.Models.User.Email", true)]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions.Log*", "Microsoft.Extensions.Logging.LoggerExtensions.LogInformation", true)]
    [InlineData("Microsoft.Extensions.Logging.LoggerExtensions.Log*", "Microsoft.Extensions.Logging.LoggerExtensions.BeginScope", false)]
    public void SymbolGlob_Matches(string pattern, string name, bool expected)
    {
        Assert.True(GlobPattern.TryCreate(pattern, '.', ignoreCase: true, out var glob, out _));
        Assert.Equal(expected, glob!.IsMatch(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("src/***/a")]
    [InlineData("a\u0001b")]
    public void InvalidGlob_IsRejected(string pattern) =>
        Assert.False(GlobPattern.TryCreate(pattern, '/', ignoreCase: true, out _, out _));

    [Fact]
    public void PathologicalGlob_MatchesInLinearSpace()
    {
        Assert.True(GlobPattern.TryCreate(string.Concat(Enumerable.Repeat("*a", 200)) + "b", '.', ignoreCase: false, out var glob, out _));
        Assert.False(glob!.IsMatch(new string('a', 5000)));
    }
}
