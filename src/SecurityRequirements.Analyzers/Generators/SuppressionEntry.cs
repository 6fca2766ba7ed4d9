namespace SecurityRequirements.Analyzers.Generators;

/// <summary>An in-source suppression of one of our ids.</summary>
/// <remarks>
/// <para><c>Id</c>: The suppressed id, or <c>*</c> for a <c>#pragma warning disable</c> that names no id and so silences every warning.</para>
/// <para><c>Path</c>: The file's path as the compiler sees it; made relative when the manifest is written.</para>
/// <para><c>Line</c>: 1-based line of the directive or attribute.</para>
/// <para><c>Kind</c>: <c>pragma</c> or <c>SuppressMessage</c>.</para>
/// <para><c>Justification</c>: The pragma's trailing comment or the attribute's Justification; empty when none was given.</para>
/// </remarks>
internal sealed record SuppressionEntry(string Id, string Path, int Line, string Kind, string Justification)
{
    /// <summary>A suppression counts as justified only with a real reason, not an empty or placeholder one.</summary>
    public bool Justified
    {
        get
        {
            var text = Justification.Trim().Trim('<', '>', '.', '!').Trim();
            return text.Length >= 3
                && !string.Equals(text, "pending", System.StringComparison.OrdinalIgnoreCase)
                && !string.Equals(text, "todo", System.StringComparison.OrdinalIgnoreCase)
                && !string.Equals(text, "tbd", System.StringComparison.OrdinalIgnoreCase)
                && !string.Equals(text, "n/a", System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
