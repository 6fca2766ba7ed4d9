using System;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Parses lifetimes: a positive whole number with a unit (<c>900s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>) or
/// ISO 8601 (<c>PT15M</c>, <c>P7D</c>, <c>P1DT2H</c>, <c>P2W</c>). A bare number is rejected because its unit
/// would be a guess. Hand-written, so no regex runs on input.
/// </summary>
internal static class DurationParser
{
    private const long MaxSeconds = 100L * 365 * 24 * 3600;

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length < 2)
        {
            return false;
        }

        long seconds;
        if (text[0] is 'P' or 'p')
        {
            if (!TryParseIso(text, out seconds))
            {
                return false;
            }
        }
        else
        {
            var unit = char.ToLowerInvariant(text[text.Length - 1]);
            var multiplier = unit switch
            {
                's' => 1L,
                'm' => 60L,
                'h' => 3600L,
                'd' => 86400L,
                _ => 0L,
            };
            if (multiplier == 0 || !TryParseNumber(text, 0, text.Length - 1, out var number))
            {
                return false;
            }

            seconds = number * multiplier;
        }

        if (seconds <= 0 || seconds > MaxSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Formats a duration the way the YAML writes it, using the largest exact unit.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds % 86400 == 0)
        {
            return (seconds / 86400).ToString(System.Globalization.CultureInfo.InvariantCulture) + "d";
        }

        if (seconds % 3600 == 0)
        {
            return (seconds / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) + "h";
        }

        if (seconds % 60 == 0)
        {
            return (seconds / 60).ToString(System.Globalization.CultureInfo.InvariantCulture) + "m";
        }

        return seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s";
    }

    private static bool TryParseIso(string text, out long seconds)
    {
        seconds = 0;
        var inTime = false;
        var sawComponent = false;
        var i = 1;
        while (i < text.Length)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (c == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                i++;
            }

            if (i == start || i >= text.Length || !TryParseNumber(text, start, i, out var number))
            {
                return false;
            }

            var designator = char.ToUpperInvariant(text[i]);
            long multiplier = (inTime, designator) switch
            {
                (false, 'W') => 7 * 86400L,
                (false, 'D') => 86400L,
                (true, 'H') => 3600L,
                (true, 'M') => 60L,
                (true, 'S') => 1L,
                _ => 0L,
            };
            if (multiplier == 0)
            {
                return false;
            }

            seconds += number * multiplier;
            if (seconds > MaxSeconds)
            {
                return false;
            }

            sawComponent = true;
            i++;
        }

        return sawComponent && text[text.Length - 1] is not ('T' or 't');
    }

    private static bool TryParseNumber(string text, int start, int end, out long number)
    {
        number = 0;
        if (end <= start || end - start > 9)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
