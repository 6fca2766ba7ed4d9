namespace SecurityRequirements.Analyzers.Tests.Analyzers.Pkce;

/// <summary>
/// Source stand-ins for the IdentityServer client model: Duende.IdentityServer is not served here, so the
/// tests declare the same full names with the real defaults (the analyzers match by full name).
/// </summary>
internal static class IdentityServerStandIns
{
    public const string Duende = """
        namespace Duende.IdentityServer.Models
        {
            public enum TokenExpiration { Sliding = 0, Absolute = 1 }

            public class Client
            {
                public string ClientId { get; set; } = "";
                public System.Collections.Generic.ICollection<string> AllowedGrantTypes { get; set; } = new System.Collections.Generic.List<string>();
                public bool RequirePkce { get; set; } = true;
                public bool AllowPlainTextPkce { get; set; }
                public bool AllowOfflineAccess { get; set; }
                public int IdentityTokenLifetime { get; set; } = 300;
                public int AccessTokenLifetime { get; set; } = 3600;
                public int AuthorizationCodeLifetime { get; set; } = 300;
                public int AbsoluteRefreshTokenLifetime { get; set; } = 2592000;
                public int SlidingRefreshTokenLifetime { get; set; } = 1296000;
                public TokenExpiration RefreshTokenExpiration { get; set; } = TokenExpiration.Absolute;
            }

            public static class GrantTypes
            {
                public static System.Collections.Generic.ICollection<string> Code => new[] { "authorization_code" };
            }
        }
        """;

    public static string IdentityServer4 { get; } = Duende.Replace("Duende.IdentityServer.Models", "IdentityServer4.Models", StringComparison.Ordinal);
}
