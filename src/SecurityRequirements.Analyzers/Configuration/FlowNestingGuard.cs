using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// A linear pre-scan for flow-collection nesting (<c>[[[[…</c>, <c>{{{{…</c>). YamlDotNet's scanner keeps one
/// possible simple key per flow level and revisits them per token, so tens of thousands of levels cost seconds to
/// minutes; the file is rejected before parsing instead. Only brackets where a flow collection can start are counted:
/// at the start of a line or after ':', '-', ',', '?', '[' or '{', outside quoted scalars and comments.
/// </summary>
internal static class FlowNestingGuard
{
    /// <summary>The index of the first bracket that nests deeper than <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindTooDeep(SourceText text, int maxDepth)
    {
        var depth = 0;
        var previous = '\n';
        var previousBracketOpened = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A bracket right after another only opens a collection if that one did ("a[[b" is a plain scalar).
            var atValueStart = previous is '\n' or '\r' or ':' or '-' or ',' or '?' || (previous is '[' or '{' && previousBracketOpened);
            switch (c)
            {
                case ' ' or '\t':
                    if (previous is '\n' or '\r')
                    {
                        continue; // indentation keeps "start of line"
                    }

                    break;

                case '#' when previous is ' ' or '\t' or '\n' or '\r':
                    while (i + 1 < text.Length && text[i + 1] is not ('\n' or '\r'))
                    {
                        i++;
                    }

                    continue;

                case '\'' or '"' when atValueStart:
                    i = SkipQuoted(text, i, c);
                    previous = c;
                    continue;

                case '[' or '{':
                    previousBracketOpened = atValueStart;
                    if (atValueStart && ++depth > maxDepth)
                    {
                        return i;
                    }

                    break;

                case ']' or '}':
                    if (depth > 0)
                    {
                        depth--;
                    }

                    break;
            }

            if (c is not (' ' or '\t'))
            {
                previous = c;
            }
        }

        return -1;
    }

    private static int SkipQuoted(SourceText text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                // '' inside a single-quoted scalar is an escaped quote.
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }
}
