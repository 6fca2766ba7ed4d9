namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>What a vocabulary entry says about a member name.</summary>
internal readonly struct VocabularyMatch
{
    public VocabularyMatch(bool isMatch, bool needsPerson, bool allowsDate, bool allowsNumber)
    {
        IsMatch = isMatch;
        NeedsPerson = needsPerson;
        AllowsDate = allowsDate;
        AllowsNumber = allowsNumber;
    }

    public bool IsMatch { get; }

    /// <summary>Personal data only when the member's type is a person or an address ("Name", "City").</summary>
    public bool NeedsPerson { get; }

    public bool AllowsDate { get; }

    public bool AllowsNumber { get; }
}
