namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A waiver as the merged policy applies it: the file that defines it (path scopes resolve against its folder) and its state on the effective date.</summary>
/// <remarks>
/// <para><c>Expired</c>: the effective date is after <c>expires</c>; an expired waiver suppresses nothing.</para>
/// <para><c>OpenEnded</c>: no <c>expires</c>, or one more than a year after the effective date.</para>
/// </remarks>
internal sealed record ResolvedWaiver(WaiverModel Waiver, RequirementsFile File, bool Expired, bool OpenEnded)
{
    public bool Active => !Expired;

    public bool Approved => !string.IsNullOrWhiteSpace(Waiver.ApprovedBy);

    public static ResolvedWaiver Create(WaiverModel waiver, RequirementsFile file, EffectiveDate today)
    {
        var expired = waiver.IsExpiredOn(today.Value);
        var openEnded = waiver.Expires is null
            || (today.OneYearLater() is { } limit && string.CompareOrdinal(waiver.Expires, limit) > 0);
        return new ResolvedWaiver(waiver, file, expired, openEnded);
    }
}
