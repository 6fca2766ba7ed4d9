using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

public class DurationParserTests
{
    [Theory]
    [InlineData("900s", 900)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData("7d", 604800)]
    [InlineData("PT15M", 900)]
    [InlineData("P7D", 604800)]
    [InlineData("P1DT2H", 93600)]
    [InlineData("PT1H30M15S", 5415)]
    [InlineData("P2W", 1209600)]
    public void ValidDuration_Parses(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(seconds, (int)duration.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("15 minutes")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1DT")]
    [InlineData("99999999999d")]
    [InlineData("1.5h")]
    public void InvalidDuration_IsRejected(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData(900, "15m")]
    [InlineData(604800, "7d")]
    [InlineData(3600, "1h")]
    [InlineData(61, "61s")]
    public void Format_UsesLargestExactUnit(int seconds, string expected) =>
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
}
