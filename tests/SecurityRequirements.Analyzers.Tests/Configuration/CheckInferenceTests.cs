using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

public class CheckInferenceTests
{
    [Theory]
    [InlineData("Encryption at Rest", "All sensitive data must be encrypted using AES-256-GCM", "encryption")]
    [InlineData("API Authentication", "Implement OAuth 2.0 with PKCE", "oauth-pkce")]
    [InlineData("Audit Logging", "Log all access to PII with full context", "pii-audit")]
    [InlineData("Privacy", "Access to personal data is recorded", "pii-audit")]
    [InlineData("Sign-in", "Use OpenID Connect", "oauth-pkce")]
    [InlineData("Encrypt PII", "PII must be encrypted", "encryption")]
    [InlineData("Aesthetics", "Keep the caesar salad recipe private", "none")]
    [InlineData("Backups", "Back up the database nightly", "none")]
    public void Infer_IsDeterministicAndWordBased(string name, string requirement, string expected) =>
        Assert.Equal(expected, CheckNames.ToName(CheckInference.Infer(name, requirement)));
}
