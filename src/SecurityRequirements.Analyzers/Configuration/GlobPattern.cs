using System;
using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// A glob over separated names: <c>*</c> matches within one segment, <c>**</c> across segments,
/// <c>?</c> one character. Matching is a linear-space dynamic program, never exponential backtracking.
/// Paths use '/' as separator; symbol names use '.'.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Token[] _tokens;
    private readonly char _separator;
    private readonly bool _ignoreCase;

    private GlobPattern(string text, Token[] tokens, char separator, bool ignoreCase)
    {
        Text = text;
        _tokens = tokens;
        _separator = separator;
        _ignoreCase = ignoreCase;
        var start = tokens.Length;
        while (start > 0 && tokens[start - 1].Kind == TokenKind.Literal)
        {
            start--;
        }

        var suffix = new char[tokens.Length - start];
        for (var i = start; i < tokens.Length; i++)
        {
            suffix[i - start] = tokens[i].Char;
        }

        LiteralSuffix = new string(suffix);
    }

    public string Text { get; }

    /// <summary>
    /// The literal characters the pattern ends with (empty when it ends with a wildcard). Only a value that ends
    /// with them can match, which lets a caller rule out most candidates before building the value.
    /// </summary>
    public string LiteralSuffix { get; }

    public bool IgnoreCase => _ignoreCase;

    private enum TokenKind
    {
        Literal,
        AnyChar,
        Star,
        DoubleStar,
        DoubleStarSeparator,
    }

    public static bool TryCreate(string text, char separator, bool ignoreCase, out GlobPattern? pattern, out string error)
    {
        pattern = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the glob is empty";
            return false;
        }

        if (text.IndexOf("***", StringComparison.Ordinal) >= 0)
        {
            error = "'***' is not a wildcard; use '*' within a segment or '**' across segments";
            return false;
        }

        foreach (var c in text)
        {
            if (c < ' ')
            {
                error = "it contains a control character";
                return false;
            }
        }

        if (separator == '/')
        {
            text = text.Replace('\\', '/');
        }

        var tokens = new List<Token>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*')
            {
                if (i + 1 < text.Length && text[i + 1] == '*')
                {
                    i++;

                    // "**/" also matches zero segments, so "src/**/a.cs" matches "src/a.cs".
                    if (i + 1 < text.Length && text[i + 1] == separator)
                    {
                        i++;
                        tokens.Add(new Token(TokenKind.DoubleStarSeparator, separator));
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.DoubleStar, '\0'));
                    }
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Star, '\0'));
                }
            }
            else if (c == '?')
            {
                tokens.Add(new Token(TokenKind.AnyChar, '\0'));
            }
            else
            {
                tokens.Add(new Token(TokenKind.Literal, c));
            }
        }

        pattern = new GlobPattern(text, tokens.ToArray(), separator, ignoreCase);
        error = string.Empty;
        return true;
    }

    public bool IsMatch(string value)
    {
        if (_separator == '/')
        {
            value = value.Replace('\\', '/');
        }

        // matches[j]: the tokens read so far match value[0..j).
        var matches = new bool[value.Length + 1];
        var next = new bool[value.Length + 1];
        matches[0] = true;

        foreach (var token in _tokens)
        {
            Array.Clear(next, 0, next.Length);
            switch (token.Kind)
            {
                case TokenKind.Literal:
                    for (var j = 0; j < value.Length; j++)
                    {
                        next[j + 1] = matches[j] && CharEquals(token.Char, value[j]);
                    }

                    break;

                case TokenKind.AnyChar:
                    for (var j = 0; j < value.Length; j++)
                    {
                        next[j + 1] = matches[j] && value[j] != _separator;
                    }

                    break;

                case TokenKind.Star:
                    for (var j = 0; j <= value.Length; j++)
                    {
                        next[j] = matches[j] || (j > 0 && next[j - 1] && value[j - 1] != _separator);
                    }

                    break;

                case TokenKind.DoubleStar:
                    for (var j = 0; j <= value.Length; j++)
                    {
                        next[j] = matches[j] || (j > 0 && next[j - 1]);
                    }

                    break;

                default:
                    // "**/": nothing, or any run of characters that ends with a separator.
                    var matchedBefore = false;
                    for (var j = 0; j <= value.Length; j++)
                    {
                        next[j] = matches[j] || (matchedBefore && value[j - 1] == _separator);
                        matchedBefore |= matches[j];
                    }

                    break;
            }

            (matches, next) = (next, matches);
        }

        return matches[value.Length];
    }

    public override string ToString() => Text;

    private bool CharEquals(char expected, char actual) =>
        expected == actual || (_ignoreCase && char.ToUpperInvariant(expected) == char.ToUpperInvariant(actual));

    private readonly struct Token
    {
        public Token(TokenKind kind, char c)
        {
            Kind = kind;
            Char = c;
        }

        public TokenKind Kind { get; }

        public char Char { get; }
    }
}
