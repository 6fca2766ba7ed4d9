using System;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>An ordinal substring search over a <see cref="SourceText"/> in small chunks: no copy of the whole file, no syntax walk.</summary>
internal static class TextScan
{
    private const int ChunkSize = 4096;

    public static bool Contains(SourceText text, string needle)
    {
        if (needle.Length == 0 || text.Length < needle.Length)
        {
            return needle.Length == 0;
        }

        // Chunks overlap by needle.Length - 1 characters so a match across a boundary is still found.
        var buffer = new char[ChunkSize + needle.Length];
        var first = needle[0];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + needle.Length - 1, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            for (var i = 0; i + needle.Length <= count; i++)
            {
                if (buffer[i] == first && Matches(buffer, i, needle))
                {
                    return true;
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
