using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// A small indented JSON writer (two spaces, '\n' line ends) for the manifest. The caller writes
/// keys in ordinal order; the writer only guarantees one spelling of every value, so equal input
/// gives equal bytes. No System.Text.Json: it is not available to a netstandard2.0 analyzer
/// without shipping another assembly into the compiler.
/// </summary>
internal sealed class ManifestJsonWriter
{
    private readonly StringBuilder _builder = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public ManifestJsonWriter StartObject() => Open('{');

    public ManifestJsonWriter EndObject() => Close('}');

    public ManifestJsonWriter StartArray() => Open('[');

    public ManifestJsonWriter EndArray() => Close(']');

    public ManifestJsonWriter Name(string name)
    {
        BeforeValue();
        WriteString(name);
        _builder.Append(": ");
        _afterName = true;
        return this;
    }

    public ManifestJsonWriter String(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            _builder.Append("null");
        }
        else
        {
            WriteString(value);
        }

        return this;
    }

    public ManifestJsonWriter Number(int value)
    {
        BeforeValue();
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public ManifestJsonWriter Bool(bool value)
    {
        BeforeValue();
        _builder.Append(value ? "true" : "false");
        return this;
    }

    public ManifestJsonWriter Property(string name, string? value) => Name(name).String(value);

    public ManifestJsonWriter Property(string name, int value) => Name(name).Number(value);

    public ManifestJsonWriter Property(string name, bool value) => Name(name).Bool(value);

    public ManifestJsonWriter StringArray(string name, IEnumerable<string> values)
    {
        Name(name).StartArray();
        foreach (var value in values)
        {
            String(value);
        }

        return EndArray();
    }

    /// <summary>The document with a final line end.</summary>
    public override string ToString() => _builder.ToString() + "\n";

    private ManifestJsonWriter Open(char bracket)
    {
        BeforeValue();
        _builder.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private ManifestJsonWriter Close(char bracket)
    {
        var hadItems = _hasItems.Pop();
        if (hadItems)
        {
            NewLine();
        }

        _builder.Append(bracket);
        return this;
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count == 0)
        {
            return;
        }

        if (_hasItems.Peek())
        {
            _builder.Append(',');
        }
        else
        {
            _hasItems.Pop();
            _hasItems.Push(true);
        }

        NewLine();
    }

    private void NewLine()
    {
        _builder.Append('\n');
        _builder.Append(' ', _hasItems.Count * 2);
    }

    private void WriteString(string value)
    {
        _builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _builder.Append("\\\"");
                    break;
                case '\\':
                    _builder.Append("\\\\");
                    break;
                case '\n':
                    _builder.Append("\\n");
                    break;
                case '\r':
                    _builder.Append("\\r");
                    break;
                case '\t':
                    _builder.Append("\\t");
                    break;
                default:
                    // Control characters, and the two line separators that break JavaScript string literals.
                    if (c < ' ' || c == '\u2028' || c == '\u2029')
                    {
                        _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _builder.Append(c);
                    }

                    break;
            }
        }

        _builder.Append('"');
    }
}
