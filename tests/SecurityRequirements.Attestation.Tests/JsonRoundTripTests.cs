using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>The JSON model reads the generator's manifests and writes their exact bytes back; bad JSON is a FormatException, never a crash.</summary>
public class JsonRoundTripTests
{
    [Theory]
    [InlineData("Full.json")]
    [InlineData("Plain.json")]
    public void GoldenManifest_IsWrittenBackByteForByte(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", file));

        Assert.Equal(text, JsonWriter.Write(JsonReader.Parse(text)));
    }

    [Fact]
    public void Escapes_AndNumbers_KeepTheirSpelling()
    {
        const string text = "{\n  \"a\": \"quote \\\" backslash \\\\ tab \\t line \\n cr \\r nul \\u0000 sep \\u2028 é\",\n  \"b\": [\n    -1.5e+3,\n    0,\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": []\n}\n";

        Assert.Equal(text, JsonWriter.Write(JsonReader.Parse(text)));
    }

    [Theory]
    [InlineData("{\"a\": 1} x", "after the JSON value")]
    [InlineData("{\"a\": 1, \"a\": 2}", "Duplicate key 'a'")]
    [InlineData("{\"a\": \"unterminated}", "Unterminated")]
    [InlineData("{\"a\": 01}", "Expected '}' at offset 7")]
    [InlineData("{\"a\": \"\\q\"}", "Invalid escape")]
    [InlineData("[1,]", "Unexpected character")]
    [InlineData("", "Unexpected end")]
    public void MalformedJson_IsAFormatException(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JsonReader.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_IsRefused_NotAStackOverflow()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var limit = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);

        Assert.Contains("nested deeper", Assert.Throws<FormatException>(() => JsonReader.Parse(deep)).Message, StringComparison.Ordinal);
        Assert.IsType<JsonArray>(JsonReader.Parse(limit));
    }

    [Fact]
    public void With_InsertsInOrdinalOrder_AndReplaces_Without_Removes()
    {
        var obj = JsonReader.ParseObject("{\"assembly\": \"App\", \"controls\": [], \"waivers\": []}");

        var added = obj.With("assemblySha256", "ab");
        var replaced = added.With("assemblySha256", "cd");

        Assert.Equal(["assembly", "assemblySha256", "controls", "waivers"], added.Members.Select(m => m.Key));
        Assert.Equal("cd", replaced.GetString("assemblySha256"));
        Assert.Equal(4, replaced.Members.Count);
        Assert.Equal(["assembly", "controls", "waivers"], replaced.Without("assemblySha256").Members.Select(m => m.Key));
        Assert.Equal(["assembly", "controls", "waivers", "zz"], obj.With("zz", null).Members.Select(m => m.Key));
    }
}
