using System.Globalization;

namespace SecurityRequirements.Attestation.Json;

/// <summary>A JSON number kept as it was written, so that writing it back gives the same text.</summary>
public sealed class JsonNumber
{
    public JsonNumber(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public bool TryGetInt64(out long value) => long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Text;
}
