namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>PII audit check ids (SRA3xxx).</summary>
public static partial class DiagnosticIds
{
    public const string UnauditedPiiRead = "SRA3001";
    public const string PiiWrittenToLog = "SRA3002";
}
