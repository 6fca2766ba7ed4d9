using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>
/// An ordinal substring search over a <see cref="SourceText"/>, no syntax walk: a file of ordinary size is searched as
/// one span, a larger one in small chunks so it is never copied whole.
/// </summary>
internal static class TextScan
{
    private const int ChunkSize = 4096;

    /// <summary>
    /// The compiler keeps a file below this many characters as one string, which <see cref="SourceText.ToString()"/>
    /// returns without a copy (larger files are kept in chunks). Any other kind of text costs one allocation below the
    /// large object heap.
    /// </summary>
    private const int WholeTextLimit = 40 * 1024;

    private static readonly string[] Hash = { "#" };

    public static bool Contains(SourceText text, string needle) => ContainsAny(text, new[] { needle });

    /// <summary>True when <paramref name="text"/> contains any of <paramref name="needles"/>, in one pass over the text.</summary>
    public static bool ContainsAny(SourceText text, string[] needles)
    {
        var found = new StrongBox<bool>();
        ScanChunks(text, needles, (Needles: needles, Found: found), static (chunk, _, _, state) =>
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
        ScanChunks(text, needles, (Needles: needles, Positions: positions), static (chunk, start, ownLength, state) =>
        {
            foreach (var needle in state.Needles)
            {
                // Only matches that start inside this chunk's own part count: the overlap belongs to the next chunk.
                for (var offset = 0; needle.Length > 0 && offset < ownLength;)
                {
                    var found = chunk.Slice(offset).IndexOf(needle.AsSpan());
                    if (found < 0 || offset + found >= ownLength)
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
        ScanChunks(text, needles, (Needles: needles, Found: found), static (chunk, _, _, state) =>
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

    /// <param name="chunk">The characters to search.</param>
    /// <param name="start">Where <paramref name="chunk"/> starts in the text.</param>
    /// <param name="ownLength">How many characters from its start the chunk owns: a match starting later is in the overlap with the next chunk, which reports it.</param>
    /// <param name="state">The caller's state.</param>
    private delegate bool ChunkVisitor<in TState>(ReadOnlySpan<char> chunk, int start, int ownLength, TState state);

    /// <summary>
    /// Calls <paramref name="visit"/> with the whole text when it is small enough, otherwise with each chunk and where
    /// it starts, until it returns false. Chunks overlap by the longest needle's length - 1 characters, so a match
    /// across a boundary is still found.
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

        if (text.Length <= WholeTextLimit)
        {
            visit(text.ToString().AsSpan(), 0, text.Length, state);
            return;
        }

        var buffer = new char[ChunkSize + longest];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize + longest - 1, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (!visit(new ReadOnlySpan<char>(buffer, 0, count), start, Math.Min(ChunkSize, count), state))
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
        // "#" is the needle: a chunk then owns all its characters, and the keyword is read from the text itself.
        ScanChunks(text, Hash, (Text: text, Keyword: keyword, Positions: positions), static (chunk, start, ownLength, state) =>
        {
            var offset = 0;
            int found;
            while (offset < ownLength && (found = chunk.Slice(offset).IndexOf('#')) >= 0)
            {
                var hash = start + offset + found;
                if (FollowedBy(state.Text, hash + 1, state.Keyword))
                {
                    state.Positions.Add(hash);
                }

                offset += found + 1;
            }

            return true;
        });
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
