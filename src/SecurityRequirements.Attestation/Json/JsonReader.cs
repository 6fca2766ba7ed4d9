using System;
using System.Globalization;
using System.Text;

namespace SecurityRequirements.Attestation.Json;

/// <summary>
/// A strict JSON reader for manifests and the files made from them: objects keep their member
/// order, numbers keep their text, and nesting is bounded so that a hostile file cannot exhaust
/// the stack of the build or the tool. Errors are <see cref="FormatException"/>s with an offset.
/// </summary>
public static class JsonReader
{
    /// <summary>Deeper than any manifest (about 4 levels) by a wide margin.</summary>
    public const int MaxDepth = 64;

    public static object? Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var position = 0;
        var value = ReadValue(text, ref position, 0);
        SkipWhitespace(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"Unexpected text after the JSON value at offset {position}.");
        }

        return value;
    }

    /// <summary>Parses a document whose root must be an object.</summary>
    public static JsonObject ParseObject(string text) =>
        Parse(text) as JsonObject ?? throw new FormatException("The JSON document is not an object.");

    private static object? ReadValue(string text, ref int position, int depth)
    {
        SkipWhitespace(text, ref position);
        if (position >= text.Length)
        {
            throw new FormatException("Unexpected end of JSON.");
        }

        switch (text[position])
        {
            case '{':
                return ReadObject(text, ref position, depth + 1);
            case '[':
                return ReadArray(text, ref position, depth + 1);
            case '"':
                return ReadString(text, ref position);
            case 't':
                ExpectWord(text, ref position, "true");
                return true;
            case 'f':
                ExpectWord(text, ref position, "false");
                return false;
            case 'n':
                ExpectWord(text, ref position, "null");
                return null;
            default:
                return ReadNumber(text, ref position);
        }
    }

    private static JsonObject ReadObject(string text, ref int position, int depth)
    {
        CheckDepth(depth, position);
        position++;
        var result = new JsonObject();
        SkipWhitespace(text, ref position);
        if (Peek(text, position) == '}')
        {
            position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace(text, ref position);
            var keyOffset = position;
            var key = ReadString(text, ref position);
            if (result.ContainsKey(key))
            {
                throw new FormatException($"Duplicate key '{key}' at offset {keyOffset}.");
            }

            SkipWhitespace(text, ref position);
            Expect(text, ref position, ':');
            result.Add(key, ReadValue(text, ref position, depth));
            SkipWhitespace(text, ref position);
            if (Peek(text, position) == ',')
            {
                position++;
                continue;
            }

            Expect(text, ref position, '}');
            return result;
        }
    }

    private static JsonArray ReadArray(string text, ref int position, int depth)
    {
        CheckDepth(depth, position);
        position++;
        var result = new JsonArray();
        SkipWhitespace(text, ref position);
        if (Peek(text, position) == ']')
        {
            position++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue(text, ref position, depth));
            SkipWhitespace(text, ref position);
            if (Peek(text, position) == ',')
            {
                position++;
                continue;
            }

            Expect(text, ref position, ']');
            return result;
        }
    }

    private static JsonNumber ReadNumber(string text, ref int position)
    {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var start = position;
        if (Peek(text, position) == '-')
        {
            position++;
        }

        if (Peek(text, position) == '0')
        {
            position++;
        }
        else if (!ReadDigits(text, ref position))
        {
            throw new FormatException($"Unexpected character '{Peek(text, start)}' at offset {start}.");
        }

        if (Peek(text, position) == '.')
        {
            position++;
            if (!ReadDigits(text, ref position))
            {
                throw new FormatException($"Expected a digit at offset {position}.");
            }
        }

        if (Peek(text, position) is 'e' or 'E')
        {
            position++;
            if (Peek(text, position) is '+' or '-')
            {
                position++;
            }

            if (!ReadDigits(text, ref position))
            {
                throw new FormatException($"Expected a digit at offset {position}.");
            }
        }

        return new JsonNumber(text.Substring(start, position - start));
    }

    private static bool ReadDigits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is >= '0' and <= '9')
        {
            position++;
        }

        return position > start;
    }

    private static string ReadString(string text, ref int position)
    {
        Expect(text, ref position, '"');
        var result = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return result.ToString();
            }

            if (c < ' ')
            {
                throw new FormatException($"Unescaped control character in a string at offset {position - 1}.");
            }

            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            var escape = text[position++];
            switch (escape)
            {
                case '"': result.Append('"'); break;
                case '\\': result.Append('\\'); break;
                case '/': result.Append('/'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'u':
                    if (position + 4 > text.Length
                        || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new FormatException($"Invalid \\u escape at offset {position - 2}.");
                    }

                    result.Append((char)code);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Invalid escape '\\{escape}' at offset {position - 2}.");
            }
        }

        throw new FormatException("Unterminated JSON string.");
    }

    private static void ExpectWord(string text, ref int position, string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
        {
            throw new FormatException($"Unexpected character '{text[position]}' at offset {position}.");
        }

        position += word.Length;
    }

    private static void CheckDepth(int depth, int position)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"JSON nested deeper than {MaxDepth} levels at offset {position}.");
        }
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static void Expect(string text, ref int position, char expected)
    {
        if (Peek(text, position) != expected)
        {
            throw new FormatException($"Expected '{expected}' at offset {position}.");
        }

        position++;
    }

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
        {
            position++;
        }
    }
}
