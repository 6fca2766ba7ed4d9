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
                public System.Collections.Generic.ICollection<Secret> ClientSecrets { get; set; } = new System.Collections.Generic.List<Secret>();
                public bool RequireClientSecret { get; set; } = true;
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

            public class Secret
            {
                public Secret(string value) => Value = value;
                public string Value { get; set; }
            }

            public static class GrantType
            {
                public const string AuthorizationCode = "authorization_code";
                public const string ClientCredentials = "client_credentials";
            }

            public static class GrantTypes
            {
                public static System.Collections.Generic.ICollection<string> Code => new[] { "authorization_code" };
                public static System.Collections.Generic.ICollection<string> CodeAndClientCredentials => new[] { "authorization_code", "client_credentials" };
                public static System.Collections.Generic.ICollection<string> ClientCredentials => new[] { "client_credentials" };
                public static System.Collections.Generic.ICollection<string> DeviceFlow => new[] { "urn:ietf:params:oauth:grant-type:device_code" };
            }
        }
        """;

    public static string IdentityServer4 { get; } = Duende.Replace("Duende.IdentityServer.Models", "IdentityServer4.Models", StringComparison.Ordinal);

    /// <summary>IdentityServer's in-memory client store fed from a configuration section (needs the ASP.NET Core references).</summary>
    public const string InMemoryClients = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IIdentityServerBuilder { }

            public static class IdentityServerBuilderExtensionsInMemory
            {
                public static IIdentityServerBuilder AddInMemoryClients(this IIdentityServerBuilder builder, System.Collections.Generic.IEnumerable<Duende.IdentityServer.Models.Client> clients) => builder;
                public static IIdentityServerBuilder AddInMemoryClients(this IIdentityServerBuilder builder, Microsoft.Extensions.Configuration.IConfigurationSection section) => builder;
            }
        }
        """;
}
