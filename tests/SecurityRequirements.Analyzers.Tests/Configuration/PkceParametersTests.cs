using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

/// <summary>Where each effective oauth-pkce setting comes from: parameter, requirement text, documented default, or nowhere.</summary>
public class PkceParametersTests
{
    private static (PkceParameters Parameters, RequirementsDocument Document) Read(string control)
    {
        var document = RequirementsParser.Parse(SourceText.From("controls:\n" + control));
        return (Assert.Single(document.Controls).Pkce, document);
    }

    private static string Aspects(PkceParameters parameters) =>
        string.Join("; ", parameters.Aspects.Select(a => a.Key + "=" + (a.Value ?? "not enforced") + " (" + a.Source + ")"));

    [Theory]
    [InlineData("Implement OAuth 2.0 with PKCE")]
    [InlineData("OAuth 2.0 with PKCE required for all public clients")]
    public void InferredSeedControl_EnforcesPkceButNoLifetime(string requirement)
    {
        var (parameters, document) = Read("  - id: SEC-002\n    name: API Authentication\n    requirement: " + requirement + "\n");

        Assert.Empty(document.Errors);
        Assert.False(parameters.LimitsLifetimes);
        Assert.Null(parameters.AccessTokenLifetime);
        Assert.Null(parameters.RefreshTokenLifetime);
        Assert.Null(parameters.IdentityTokenLifetime);
        Assert.Null(parameters.AuthorizationCodeLifetime);
        Assert.Equal(["code_challenge_method", "clients"], parameters.Aspects.Where(a => a.IsEnforced).Select(a => a.Key));
    }

    [Fact]
    public void InferredPublicClientsControl_ScopesPkceToPublicClients()
    {
        var (parameters, _) = Read("  - id: SEC-002\n    requirement: OAuth 2.0 with PKCE required for all public clients\n");

        Assert.Equal(PkceClientScope.Public, parameters.Clients);
        Assert.True(parameters.Covers(confidential: false));
        Assert.False(parameters.Covers(confidential: true));
        Assert.Equal(
            "code_challenge_method=S256 (RequirementText); clients=public (RequirementText); access_token_lifetime=not enforced (NotStated); "
            + "refresh_token_lifetime=not enforced (NotStated); identity_token_lifetime=not enforced (NotStated); authorization_code_lifetime=not enforced (NotStated)",
            Aspects(parameters));
    }

    [Fact]
    public void InferredControl_EnforcesTheLifetimesItsTextNames()
    {
        var (parameters, _) = Read("  - id: SEC-002\n    requirement: OAuth 2.0 with PKCE; access tokens expire within 15 minutes\n");

        Assert.Equal(TimeSpan.FromMinutes(15), parameters.AccessTokenLifetime);
        Assert.Null(parameters.RefreshTokenLifetime);
        Assert.Equal(PkceClientScope.All, parameters.Clients);
        Assert.Contains(new PkceAspect("access_token_lifetime", "15m", PkceSettingSource.RequirementText), parameters.Aspects);
        Assert.Contains(new PkceAspect("clients", "all", PkceSettingSource.NotStated), parameters.Aspects);
    }

    [Fact]
    public void ParametersBeatTheText()
    {
        var (parameters, document) = Read("""
              - id: SEC-002
                requirement: OAuth 2.0 with PKCE required for all public clients; access tokens expire within 15 minutes
                parameters:
                  clients: all
                  access_token_lifetime: 5m
                  authorization_code_lifetime: 60s
            """);

        Assert.Empty(document.Errors);
        Assert.Equal(PkceClientScope.All, parameters.Clients);
        Assert.Equal(TimeSpan.FromMinutes(5), parameters.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(60), parameters.AuthorizationCodeLifetime);
        Assert.Null(parameters.RefreshTokenLifetime);
        Assert.Contains(new PkceAspect("clients", "all", PkceSettingSource.Parameter), parameters.Aspects);
        Assert.Contains(new PkceAspect("authorization_code_lifetime", "1m", PkceSettingSource.Parameter), parameters.Aspects);
    }

    [Fact]
    public void ExplicitCheckWithoutParameters_KeepsTheDocumentedDefaults()
    {
        var (parameters, _) = Read("  - id: SEC-002\n    requirement: Implement OAuth 2.0 with PKCE\n    check: oauth-pkce\n");

        Assert.Equal(
            "code_challenge_method=S256 (Default); clients=all (Default); access_token_lifetime=15m (Default); "
            + "refresh_token_lifetime=7d (Default); identity_token_lifetime=15m (Default); authorization_code_lifetime=10m (Default)",
            Aspects(parameters));
    }

    [Fact]
    public void ExplicitCheck_TakesTheTextBeforeTheDefaults()
    {
        var (parameters, _) = Read("  - id: SEC-002\n    requirement: PKCE for public clients; refresh tokens expire after 1 day\n    check: oauth-pkce\n");

        Assert.Equal(PkceClientScope.Public, parameters.Clients);
        Assert.Equal(TimeSpan.FromDays(1), parameters.RefreshTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(15), parameters.AccessTokenLifetime);
    }

    [Fact]
    public void InvalidValues_AreReportedInTheYaml_AndAWrittenLifetimeKeepsItsDefault()
    {
        var (parameters, document) = Read("""
              - id: SEC-002
                requirement: Implement OAuth 2.0 with PKCE
                parameters:
                  clients: confidential
                  access_token_lifetime: forever
            """);

        Assert.Equal(["SRA0007", "SRA0016"], document.Errors.Select(e => e.Descriptor.Id).Order(StringComparer.Ordinal));
        Assert.Equal(PkceClientScope.All, parameters.Clients);
        Assert.Equal(PkceParameters.DefaultAccessTokenLifetime, parameters.AccessTokenLifetime);
        Assert.Null(parameters.RefreshTokenLifetime);
    }

    [Fact]
    public void UnknownKey_ListsTheNewKeys()
    {
        var (_, document) = Read("  - id: SEC-002\n    requirement: Implement OAuth 2.0 with PKCE\n    parameters:\n      client: public\n");

        var error = Assert.Single(document.Errors);
        Assert.Equal("SRA0003", error.Descriptor.Id);
        Assert.Contains("clients", error.Arguments[2], StringComparison.Ordinal);
        Assert.Contains("authorization_code_lifetime", error.Arguments[2], StringComparison.Ordinal);
    }
}
