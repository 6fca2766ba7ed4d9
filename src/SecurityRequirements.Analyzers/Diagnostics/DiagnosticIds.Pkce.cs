namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>OAuth 2.0 / PKCE check ids (SRA2xxx).</summary>
public static partial class DiagnosticIds
{
    public const string PkceDisabled = "SRA2001";
    public const string NonCodeResponseType = "SRA2002";
    public const string PlainCodeChallenge = "SRA2003";
    public const string TokenLifetimeTooLong = "SRA2004";
    public const string AuthorizationRequestWithoutPkce = "SRA2005";
    public const string UnverifiablePkceSetting = "SRA2006";
}
