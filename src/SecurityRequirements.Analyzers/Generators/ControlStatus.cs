namespace SecurityRequirements.Analyzers.Generators;

/// <summary>The status words of the manifest; the HTML report and the verdict use the same words.</summary>
internal static class ControlStatus
{
    /// <summary>Every rule reports everywhere at the listed severity.</summary>
    public const string Enforced = "enforced";

    /// <summary>Enforced, except in the files or places the reasons name.</summary>
    public const string Partial = "partial";

    /// <summary>A build setting lowers or switches off a rule everywhere, or a waiver covers the whole project.</summary>
    public const string Weakened = "weakened";

    /// <summary>No rule ran in this build (analyzers off), or the build did not say.</summary>
    public const string NotEnforced = "not-enforced";

    /// <summary>No built-in check covers the control.</summary>
    public const string NotCompilerVerified = "not-compiler-verified";

    /// <summary>The control's severity is none.</summary>
    public const string Disabled = "disabled";
}
