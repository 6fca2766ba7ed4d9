using System.Text.RegularExpressions;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A compiled ban pattern with where it is written; the regex is thread-safe and shared across compilations.</summary>
internal sealed class BannedPatternEntry
{
    public BannedPatternEntry(Regex regex, SpannedValue source)
    {
        Regex = regex;
        Source = source;
    }

    public Regex Regex { get; }

    public SpannedValue Source { get; }
}
