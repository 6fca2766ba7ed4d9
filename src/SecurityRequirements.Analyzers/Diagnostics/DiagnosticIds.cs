namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>
/// Every diagnostic id the package reports. Ids are never renumbered or reused once shipped.
/// Blocks: 0xxx requirements file, 1xxx encryption, 2xxx OAuth/PKCE, 3xxx PII audit, 9xxx declarative bans.
/// </summary>
public static partial class DiagnosticIds
{
    public const string YamlSyntaxError = "SRA0001";
    public const string WrongNodeType = "SRA0002";
    public const string UnknownKey = "SRA0003";
    public const string UnknownCheck = "SRA0004";
    public const string DuplicateControlId = "SRA0005";
    public const string InvalidSeverity = "SRA0006";
    public const string InvalidDuration = "SRA0007";
    public const string InvalidRegex = "SRA0008";
    public const string InvalidSymbolId = "SRA0009";
    public const string InvalidGlob = "SRA0010";
    public const string WaiverUnknownControl = "SRA0011";
    public const string WaiverExpired = "SRA0012";
    public const string MissingRequiredKey = "SRA0013";
    public const string RequirementsFileTooComplex = "SRA0014";
    public const string RegexTimedOut = "SRA0015";
    public const string InvalidParameterValue = "SRA0016";
    public const string DuplicateKey = "SRA0017";
    public const string InvalidControlId = "SRA0018";
    public const string RequirementsFileUnusable = "SRA0020";
    public const string WaiverProjectWide = "SRA0021";
    public const string WaiverOpenEnded = "SRA0022";
    public const string WaiverUnapproved = "SRA0023";

    public const string BannedSymbol = "SRA9001";
    public const string BannedPattern = "SRA9002";
}
