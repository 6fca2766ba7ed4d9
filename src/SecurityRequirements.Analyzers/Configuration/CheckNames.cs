using System;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>The YAML spelling of each <see cref="CheckKind"/>; these names are part of the file format.</summary>
internal static class CheckNames
{
    public const string Encryption = "encryption";
    public const string OAuthPkce = "oauth-pkce";
    public const string PiiAudit = "pii-audit";
    public const string Banned = "banned";

    public const string All = "encryption, oauth-pkce, pii-audit, banned";

    public static bool TryParse(string text, out CheckKind kind)
    {
        kind = text.Trim().ToLowerInvariant() switch
        {
            Encryption => CheckKind.Encryption,
            OAuthPkce => CheckKind.OAuthPkce,
            PiiAudit => CheckKind.PiiAudit,
            Banned => CheckKind.Banned,
            _ => CheckKind.None,
        };
        return kind != CheckKind.None;
    }

    public static string ToName(CheckKind kind) => kind switch
    {
        CheckKind.Encryption => Encryption,
        CheckKind.OAuthPkce => OAuthPkce,
        CheckKind.PiiAudit => PiiAudit,
        CheckKind.Banned => Banned,
        CheckKind.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
