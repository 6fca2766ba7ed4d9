namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>Encryption check ids (SRA1xxx).</summary>
public static partial class DiagnosticIds
{
    public const string WeakSymmetricAlgorithm = "SRA1001";
    public const string AesGcmTagTooShort = "SRA1002";
    public const string NonAeadCipherMode = "SRA1003";
}
