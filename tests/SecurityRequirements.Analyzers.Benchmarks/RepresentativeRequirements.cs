namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// A requirements file with every check enabled, the parameters of DESIGN's example and waivers of each
/// scope kind, so every analyzer registers its actions and the waiver lookup runs on every finding.
/// </summary>
internal static class RepresentativeRequirements
{
    public const string Path = "/bench/security_requirements.yaml";

    public const string Yaml = """
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            severity: error
            parameters:
              algorithms: [AES-256-GCM]
              min_key_bits: 256
              key_rotation_days: 90
              key_storage: hsm
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
            check: oauth-pkce
            parameters:
              code_challenge_method: S256
              access_token_lifetime: 15m
              refresh_token_lifetime: 7d
          - id: SEC-003
            name: Audit Logging
            requirement: Log all access to PII with user id, action and IP
            check: pii-audit
            parameters:
              pii_attributes: [PersonalData, ProtectedPersonalData]
              pii_members: ["*.Email", "*.Ssn"]
              audit_methods: ["Microsoft.Extensions.Logging.LoggerExtensions.Log*"]
              audit_fields: [UserId, Action, IpAddress]
              retention_days: 365
          - id: SEC-004
            name: No direct queries on the users table
            requirement: Use the UserRepository; never query users directly
            check: banned
            parameters:
              symbols: ["T:System.Security.Cryptography.MD5"]
              patterns: ['(?i)\bselect\b.+\bfrom\s+users\b']
              instead: hash with SHA-256 and read users through UserRepository
        exceptions:
          - control: SEC-001
            symbol: "M:Bench.Module4.Sealing4.LegacyEncrypt(System.Byte[],System.Byte[],System.Byte[])"
            justification: decrypt-only path for migrating old records
            approved_by: security-team
            expires: 2027-03-31
          - control: SEC-003
            path: "src/Module3/**"
            justification: support tooling, audited upstream
            approved_by: security-team
            expires: 2027-03-31
          - control: SEC-004
            namespace: Bench.Module8
            justification: the users table migration
            approved_by: security-team
            expires: 2026-01-31
        """;

    /// <summary>The same file after an edit a user makes: one attested-only value changes.</summary>
    public static string Edited => Yaml.Replace("retention_days: 365", "retention_days: 400", StringComparison.Ordinal);
}
