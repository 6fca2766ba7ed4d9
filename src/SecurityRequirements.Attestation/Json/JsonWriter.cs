using System;
using System.Globalization;
using System.Text;

namespace SecurityRequirements.Attestation.Json;

/// <summary>
/// Writes JSON in the manifest's one spelling: two-space indentation, '\n' line ends, "key": value,
/// empty containers as {} and [], the generator's string escapes, and a final line end. A manifest
/// read with <see cref="JsonReader"/> and written here gives its original bytes (tested).
/// </summary>
public static class JsonWriter
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, 0);
        return builder.Append('\n').ToString();
    }

    private static void WriteValue(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case JsonNumber number:
                builder.Append(number.Text);
                break;
            case int integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case long integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonObject obj:
                WriteObject(builder, obj, depth);
                break;
            case JsonArray array:
                WriteArray(builder, array, depth);
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} is not a JSON value.", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int depth)
    {
        builder.Append('{');
        for (var i = 0; i < obj.Members.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",");
            NewLine(builder, depth + 1);
            WriteString(builder, obj.Members[i].Key);
            builder.Append(": ");
            WriteValue(builder, obj.Members[i].Value, depth + 1);
        }

        if (obj.Members.Count > 0)
        {
            NewLine(builder, depth);
        }

        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int depth)
    {
        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",");
            NewLine(builder, depth + 1);
            WriteValue(builder, array[i], depth + 1);
        }

        if (array.Count > 0)
        {
            NewLine(builder, depth);
        }

        builder.Append(']');
    }

    private static void NewLine(StringBuilder builder, int depth) => builder.Append('\n').Append(' ', depth * 2);

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    // Control characters, and the two line separators that break JavaScript string literals.
                    if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
