using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        var found = new StrongBox<bool>();
        ScanChunks(text, needles, (Needles: needles, Found: found), static (chunk, _, state) =>
        {
            foreach (var needle in state.Needles)
            {
                // The span search is vectorised on .NET: a few GB/s, so scanning every file of a large project stays in the milliseconds.
                if (needle.Length > 0 && chunk.IndexOf(needle.AsSpan()) >= 0)
                {
                    state.Found.Value = true;
                    return false;
                }
            }

            return true;
        });
        return found.Value;
    }

    /// <summary>
    /// Adds to <paramref name="positions"/> where each of <paramref name="needles"/> starts in <paramref name="text"/>, in
    /// ascending order for each needle; a position is listed once per needle that starts there.
    /// </summary>
    public static void FindPositions(SourceText text, string[] needles, List<int> positions)
    {
        ScanChunks(text, needles, (Needles: needles, Positions: positions), static (chunk, start, state) =>
        {
            foreach (var needle in state.Needles)
            {
                // Only matches that start inside this chunk's own part count: the overlap belongs to the next chunk.
                for (var offset = 0; needle.Length > 0 && offset < ChunkSize && offset < chunk.Length;)
                {
                    var found = chunk.Slice(offset).IndexOf(needle.AsSpan());
                    if (found < 0 || offset + found >= ChunkSize)
                    {
                        break;
                    }

                    state.Positions.Add(start + offset + found);
                    offset += found + 1;
                }
            }

            return true;
        });
    }

    /// <summary>
    /// Which of <paramref name="needles"/> (at most 32) <paramref name="text"/> contains, as a bit mask (bit i for
    /// needle i), in one pass over the text that stops once every needle is found.
    /// </summary>
    public static int FindAll(SourceText text, string[] needles)
    {
        var found = new StrongBox<int>();
        ScanChunks(text, needles, (Needles: needles, Found: found), static (chunk, _, state) =>
        {
            var needles = state.Needles;
            for (var i = 0; i < needles.Length; i++)
            {
                if ((state.Found.Value & (1 << i)) == 0 && needles[i].Length > 0 && chunk.IndexOf(needles[i].AsSpan()) >= 0)
                {
                    state.Found.Value |= 1 << i;
                }
            }

            return state.Found.Value != (1 << needles.Length) - 1;
        });
        return found.Value;
    }

    private delegate bool ChunkVisitor<in TState>(ReadOnlySpan<char> chunk, int start, TState state);

    /// <summary>
    /// Calls <paramref name="visit"/> with each chunk of the text and where it starts, until it returns false. Chunks
    /// overlap by the longest needle's length - 1 characters, so a match across a boundary is still found.
    /// </summary>
    private static void ScanChunks<TState>(SourceText text, string[] needles, TState state, ChunkVisitor<TState> visit)
    {
        var longest = 0;
        foreach (var needle in needles)
        {
            longest = Math.Max(longest, needle.Length);
        }

        if (longest == 0)
        {
            return;
        }

        var buffer = new char[ChunkSize + longest];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + longest - 1, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (!visit(new ReadOnlySpan<char>(buffer, 0, count), start, state))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="positions"/> the position of every '#' followed (after spaces or tabs) by
    /// <paramref name="keyword"/>: where a directive such as <c>#pragma</c> can be. '#' is rare in C#, so the
    /// vectorised single-character search skips almost all of the text; the caller confirms each place on the syntax tree.
    /// </summary>
    public static void FindDirectiveKeyword(SourceText text, string keyword, List<int> positions)
    {
        var buffer = new char[ChunkSize];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            var offset = 0;
            int found;
            while ((found = chunk.Slice(offset).IndexOf('#')) >= 0)
            {
                var hash = start + offset + found;
                if (FollowedBy(text, hash + 1, keyword))
                {
                    positions.Add(hash);
                }

                offset += found + 1;
            }
        }
    }

    /// <summary>True when <paramref name="keyword"/> starts at <paramref name="position"/>, after spaces or tabs.</summary>
    private static bool FollowedBy(SourceText text, int position, string keyword)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        if (position + keyword.Length > text.Length)
        {
            return false;
        }

        for (var i = 0; i < keyword.Length; i++)
        {
            if (text[position + i] != keyword[i])
            {
                return false;
            }
        }

        return true;
    }
}
