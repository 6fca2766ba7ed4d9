namespace SecurityRequirements.Analyzers.Brief;

/// <summary>Whether a rule has a code fix and for which shapes it does not apply, and what to write by hand where none applies.</summary>
/// <remarks><c>FixLimits</c>: the shapes the fix leaves alone ("" when it applies to every diagnostic of the rule).</remarks>
internal sealed record RuleRemedy(bool HasCodeFix, string ManualRemedy, string FixLimits = "")
{
    /// <summary>The brief's "Code fix" cell: yes, no, or yes with the shapes it leaves to be fixed by hand.</summary>
    public string FixCell => !HasCodeFix ? "no" : FixLimits.Length == 0 ? "yes" : "yes, except " + FixLimits;
}
