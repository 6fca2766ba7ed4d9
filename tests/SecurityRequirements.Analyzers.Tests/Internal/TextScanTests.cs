using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Tests.Internal;

/// <summary>
/// The text searches: a file of ordinary size is searched whole, a large one in chunks, where matches across chunk
/// boundaries are found once, and only real matches.
/// </summary>
public sealed class TextScanTests
{
    /// <summary>Padding that takes a text past the size searched whole (40K characters), into the chunked search.</summary>
    private const int LargePadding = 45_000;

    [Theory]
    [InlineData(0, 5000)]
    [InlineData(4090, 5000)]
    [InlineData(0, LargePadding)]
    [InlineData(4090, LargePadding)]
    [InlineData(4095, LargePadding)]
    [InlineData(4096, LargePadding)]
    [InlineData(8180, LargePadding)]
    public void FindPositions_FindsEachStartOnce_AcrossChunkBoundaries(int at, int padding)
    {
        var text = new string(' ', at) + "FromBase64String(s); x.FromBase64(t)" + new string(' ', padding);

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
        TextScan.FindPositions(SourceText.From(new string('x', LargePadding)), ["FromBase64String"], positions);
        TextScan.FindPositions(SourceText.From(""), ["FromBase64String"], positions);

        Assert.Empty(positions);
    }

    [Theory]
    [InlineData(4090, 100)]
    [InlineData(4090, LargePadding)]
    [InlineData(4094, LargePadding)]
    [InlineData(9000, LargePadding)]
    public void ContainsAnyAndFindAll_SeeANeedleAcrossAChunkBoundary(int at, int padding)
    {
        var text = SourceText.From(new string(' ', at) + "grant_type=code" + new string(' ', padding));

        Assert.True(TextScan.ContainsAny(text, ["response_type", "grant_type"]));
        Assert.False(TextScan.ContainsAny(text, ["response_type", "code_challenge"]));
        Assert.Equal(0b010, TextScan.FindAll(text, ["response_type", "grant_type", "code_challenge"]));
        Assert.Equal(0, TextScan.FindAll(text, []));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(4094, 100)]
    [InlineData(4094, LargePadding)]
    [InlineData(4095, LargePadding)]
    [InlineData(4096, LargePadding)]
    public void FindDirectiveKeyword_FindsTheHashOfEachDirectiveWithThatKeyword(int at, int padding)
    {
        var text = SourceText.From(new string(' ', at) + "#pragma warning disable X\n# \tpragma y\n#if DEBUG\nvar s = \"#pragma\";" + new string(' ', padding));

        var positions = new List<int>();
        TextScan.FindDirectiveKeyword(text, "pragma", positions);

        // The string's "#pragma" is a candidate too: the caller confirms each place on the syntax tree.
        Assert.Equal([at, at + 26, at + 57], positions);
    }
}
