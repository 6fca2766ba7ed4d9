using System.Collections.Generic;
using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// The words of an identifier, read from its end without allocating: "DateOfBirth" is Date|Of|Birth,
/// "SSNNumber" SSN|Number, "EMail" E|Mail, "email_address" email|address, "Street2" Street|2.
/// </summary>
internal static class WordParts
{
    /// <summary>
    /// The start of the word that ends at <paramref name="end"/> (exclusive), after skipping separators; sets
    /// <paramref name="end"/> to that word's end. Returns -1 when no word is left.
    /// </summary>
    public static int PreviousWord(string name, ref int end)
    {
        while (end > 0 && !char.IsLetterOrDigit(name[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return -1;
        }

        var start = end - 1;
        var last = name[start];
        if (char.IsDigit(last))
        {
            while (start > 0 && char.IsDigit(name[start - 1]))
            {
                start--;
            }
        }
        else if (char.IsUpper(last))
        {
            // An acronym at the end ("UserSSN"): the whole upper-case run.
            while (start > 0 && char.IsUpper(name[start - 1]))
            {
                start--;
            }
        }
        else
        {
            while (start > 0 && char.IsLower(name[start - 1]))
            {
                start--;
            }

            // "Name" takes its capital; in "IPAddress" only the last capital of the run belongs to "Address".
            if (start > 0 && char.IsUpper(name[start - 1]))
            {
                start--;
            }
        }

        return start;
    }

    /// <summary>True when name[start..start+length) equals the lower-case <paramref name="word"/>, ignoring case.</summary>
    public static bool Equals(string name, int start, int length, string word)
    {
        if (length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (char.ToLowerInvariant(name[start + i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the word is made of digits only ("2" in "Street2").</summary>
    public static bool IsNumber(string name, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsDigit(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words of <paramref name="text"/>, lower-case, first to last; for building vocabularies, never in a hot path.</summary>
    public static ImmutableArray<string> Split(string text)
    {
        var words = new List<string>();
        var end = text.Length;
        int start;
        while ((start = PreviousWord(text, ref end)) >= 0)
        {
            words.Add(text.Substring(start, end - start).ToLowerInvariant());
            end = start;
        }

        words.Reverse();
        return words.ToImmutableArray();
    }

    /// <summary>True when <paramref name="words"/> (lower-case) contains the word name[start..start+length).</summary>
    public static bool IsOneOf(string name, int start, int length, string[] words)
    {
        foreach (var word in words)
        {
            if (Equals(name, start, length, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last word of <paramref name="name"/> that is not one of <paramref name="skipped"/>, as (start, length), or (-1, 0).</summary>
    public static (int Start, int Length) HeadWord(string name, string[] skipped)
    {
        var end = name.Length;
        int start;
        while ((start = PreviousWord(name, ref end)) >= 0)
        {
            var length = end - start;
            if (!IsNumber(name, start, length) && !IsOneOf(name, start, length, skipped))
            {
                return (start, length);
            }

            end = start;
        }

        return (-1, 0);
    }

    /// <summary>True when any word of <paramref name="name"/> is one of <paramref name="words"/>.</summary>
    public static bool ContainsAny(string name, string[] words)
    {
        var end = name.Length;
        int start;
        while ((start = PreviousWord(name, ref end)) >= 0)
        {
            if (IsOneOf(name, start, end - start, words))
            {
                return true;
            }

            end = start;
        }

        return false;
    }

    /// <summary>The first word of <paramref name="name"/>, as (start, length), or (-1, 0).</summary>
    public static (int Start, int Length) FirstWord(string name)
    {
        var start = 0;
        while (start < name.Length && !char.IsLetterOrDigit(name[start]))
        {
            start++;
        }

        if (start == name.Length)
        {
            return (-1, 0);
        }

        // Scan forward to where the backward reader would start the next word.
        var end = start + 1;
        while (end < name.Length && char.IsLetterOrDigit(name[end]))
        {
            var previous = name[end - 1];
            var current = name[end];
            if (char.IsDigit(previous) != char.IsDigit(current)
                || (char.IsLower(previous) && char.IsUpper(current))
                || (char.IsUpper(previous) && char.IsUpper(current) && end + 1 < name.Length && char.IsLower(name[end + 1])))
            {
                break;
            }

            end++;
        }

        return (start, end - start);
    }
}
