using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Tests.Internal;

/// <summary>The chunked text searches: matches across chunk boundaries are found once, and only real matches.</summary>
public sealed class TextScanTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4090)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(8180)]
    public void FindPositions_FindsEachStartOnce_AcrossChunkBoundaries(int at)
    {
        var text = new string(' ', at) + "FromBase64String(s); x.FromBase64(t)" + new string(' ', 5000);

        var positions = new List<int>();
        TextScan.FindPositions(SourceText.From(text), ["FromBase64String", "FromBase64"], positions);

        positions.Sort();
        Assert.Equal([at, at, at + 23], positions);
    }

    [Fact]
    public void FindPositions_FindsNothing_WhenNoNeedleIsThere()
    {
        var positions = new List<int>();
        TextScan.FindPositions(SourceText.From(new string('x', 10000)), ["FromBase64String"], positions);
        TextScan.FindPositions(SourceText.From(""), ["FromBase64String"], positions);

        Assert.Empty(positions);
    }

    [Theory]
    [InlineData(4090)]
    [InlineData(4094)]
    [InlineData(9000)]
    public void ContainsAnyAndFindAll_SeeANeedleAcrossAChunkBoundary(int at)
    {
        var text = SourceText.From(new string(' ', at) + "grant_type=code" + new string(' ', 100));

        Assert.True(TextScan.ContainsAny(text, ["response_type", "grant_type"]));
        Assert.False(TextScan.ContainsAny(text, ["response_type", "code_challenge"]));
        Assert.Equal(0b010, TextScan.FindAll(text, ["response_type", "grant_type", "code_challenge"]));
        Assert.Equal(0, TextScan.FindAll(text, []));
    }
}
