using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SecurityRequirements.Analyzers.Prescriptions;

/// <summary>
/// Turns text from the requirements file into pieces of C# that stay what they are: a string literal stays one literal,
/// documentation-comment text stays on its line and is never markup, so no YAML value can become code in a fixed file.
/// </summary>
internal static class GeneratedCodeText
{
    /// <summary>A C# string literal with quotes, backslashes, line breaks and control characters escaped.</summary>
    public static string StringLiteral(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>
    /// Text for a <c>///</c> comment: on one line (line breaks and other control characters become spaces, so nothing can
    /// start a new line of code), and XML-escaped (so <c>&lt;/summary&gt;</c> is text, not the end of the comment).
    /// </summary>
    public static string DocCommentText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\u0085' or '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}
