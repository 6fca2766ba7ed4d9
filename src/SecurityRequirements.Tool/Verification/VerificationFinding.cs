namespace SecurityRequirements.Tool.Verification;

/// <summary>One reason an assembly fails verification: a stable code, the control it is about (if any) and a sentence.</summary>
internal sealed record VerificationFinding(string Code, string? Control, string Message)
{
    /// <summary>The one line <c>sra verify</c> prints for it.</summary>
    public override string ToString() => $"FAIL {Code}{(Control is null ? string.Empty : " " + Control)}: {Message}";
}
