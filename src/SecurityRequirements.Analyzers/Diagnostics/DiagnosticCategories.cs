namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>The category of every descriptor; one per check family.</summary>
public static class DiagnosticCategories
{
    public const string RequirementsFile = "SecurityRequirements.File";
    public const string Encryption = "SecurityRequirements.Encryption";
    public const string OAuthPkce = "SecurityRequirements.OAuthPkce";
    public const string PiiAudit = "SecurityRequirements.PiiAudit";
    public const string Bans = "SecurityRequirements.Bans";
}
