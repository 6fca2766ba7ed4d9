namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The date waivers are judged against: the <c>SecurityRequirementsToday</c> build property (yyyy-MM-dd), and whether the
/// project pinned it rather than taking the build date. A pinned date in the past keeps an expired waiver alive, so the
/// attestation records both.
/// </summary>
/// <remarks>
/// <para><c>Value</c>: yyyy-MM-dd, or null when the build passed no date (the package's props were not imported).</para>
/// <para><c>Pinned</c>: true when the project or the command line set the date.</para>
/// </remarks>
internal sealed record EffectiveDate(string? Value, bool Pinned)
{
    public static readonly EffectiveDate Unknown = new(null, Pinned: false);

    /// <summary>The date a year after <see cref="Value"/>, as yyyy-MM-dd; null when the date is unknown.</summary>
    public string? OneYearLater() =>
        Value is null ? null : (int.Parse(Value.Substring(0, 4), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + Value.Substring(4);
}
