namespace SecurityRequirements.Analyzers.PackageTests.Soundness;

/// <summary>
/// The consumer every soundness case builds: four controls at severity error, one per check, and one planted
/// violation of each in a file of its own, so a case can move, rename or mark a file without touching the others.
/// </summary>
internal static class PlantedViolations
{
    public const string Encryption = "SEC-001";
    public const string OAuthPkce = "SEC-002";
    public const string PiiAudit = "SEC-003";
    public const string Banned = "SEC-004";

    public static readonly string[] Controls = [Encryption, OAuthPkce, PiiAudit, Banned];

    /// <summary>The rule each planted violation triggers.</summary>
    public static readonly IReadOnlyDictionary<string, string> RuleOf = new Dictionary<string, string>
    {
        [Encryption] = "SRA1001",
        [OAuthPkce] = "SRA2001",
        [PiiAudit] = "SRA3001",
        [Banned] = "SRA9001",
    };

    /// <summary>Where each violation is planted, relative to the project.</summary>
    public static readonly IReadOnlyDictionary<string, string> FileOf = new Dictionary<string, string>
    {
        [Encryption] = "Crypto/LegacyCipher.cs",
        [OAuthPkce] = "Auth/Login.cs",
        [PiiAudit] = "Customers/CustomerReader.cs",
        [Banned] = "Hashing/Checksum.cs",
    };

    public static string Yaml(string severity = "error", string encryptionParameters = "", string exceptions = "") => $$"""
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            severity: {{severity}}
        {{encryptionParameters}}
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
            check: oauth-pkce
            severity: {{severity}}
          - id: SEC-003
            name: Audit Logging
            requirement: Log all access to PII with user id, action and IP
            check: pii-audit
            severity: {{severity}}
          - id: SEC-004
            name: No MD5
            requirement: Never use MD5
            check: banned
            severity: {{severity}}
            parameters:
              symbols: ["T:System.Security.Cryptography.MD5"]
        {{exceptions}}
        """;

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        [Encryption] = """
            namespace Consumer.Crypto;

            public static class LegacyCipher
            {
                public static object Create() => System.Security.Cryptography.DES.Create();
            }
            """,
        [OAuthPkce] = """
            namespace Consumer.Auth;

            public static class Login
            {
                public static Microsoft.AspNetCore.Authentication.OAuth.OAuthOptions Options() => new() { UsePkce = false };
            }
            """,
        [PiiAudit] = """
            namespace Consumer.Customers;

            public sealed class Customer
            {
                public string Email { get; set; } = "";
            }

            public static class CustomerReader
            {
                public static string ContactOf(Customer customer) => customer.Email;
            }
            """,
        [Banned] = """
            namespace Consumer.Hashing;

            public static class Checksum
            {
                public static byte[] Of(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
            }
            """,
    };
}
