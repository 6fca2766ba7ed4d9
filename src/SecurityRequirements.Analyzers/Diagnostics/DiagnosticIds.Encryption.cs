namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>Encryption check ids (SRA1xxx).</summary>
public static partial class DiagnosticIds
{
    public const string WeakSymmetricAlgorithm = "SRA1001";
    public const string AesGcmTagTooShort = "SRA1002";
    public const string NonAeadCipherMode = "SRA1003";
    public const string KeyTooShort = "SRA1004";
    public const string HardCodedKeyMaterial = "SRA1005";
    public const string FixedNonce = "SRA1006";
    public const string PredictableKeyMaterial = "SRA1007";
    public const string WeakHash = "SRA1008";
    public const string BouncyCastleNonAead = "SRA1009";
    public const string HardCodedKeyArgument = "SRA1010";
}
