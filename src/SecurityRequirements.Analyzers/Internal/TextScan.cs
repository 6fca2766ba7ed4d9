using System;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>An ordinal substring search over a <see cref="SourceText"/> in small chunks: no copy of the whole file, no syntax walk.</summary>
internal static class TextScan
{
    private const int ChunkSize = 4096;

    public static bool Contains(SourceText text, string needle) => ContainsAny(text, new[] { needle });

    /// <summary>True when <paramref name="text"/> contains any of <paramref name="needles"/>, in one pass over the text.</summary>
    public static bool ContainsAny(SourceText text, string[] needles)
    {
        var longest = 0;
        foreach (var needle in needles)
        {
            longest = Math.Max(longest, needle.Length);
        }

        if (longest == 0)
        {
            return false;
        }

        // Chunks overlap by longest - 1 characters so a match across a boundary is still found.
        var buffer = new char[ChunkSize + longest];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + longest - 1, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i < count; i++)
            {
                var c = buffer[i];
                foreach (var needle in needles)
                {
                    if (needle.Length > 0 && c == needle[0] && i + needle.Length <= count && Matches(buffer, i, needle))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Matches(char[] buffer, int offset, string needle)
    {
        for (var j = 1; j < needle.Length; j++)
        {
            if (buffer[offset + j] != needle[j])
            {
                return false;
            }
        }

        return true;
    }
}
