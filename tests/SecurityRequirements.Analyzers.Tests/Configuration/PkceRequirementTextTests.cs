using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

public class PkceRequirementTextTests
{
    [Theory]
    [InlineData("Implement OAuth 2.0 with PKCE")]
    [InlineData("OAuth 2.0 with PKCE required for all public clients")]
    [InlineData("Use OpenID Connect; tokens are short-lived")]
    [InlineData("Access to the admin API requires OAuth 2.0 with PKCE")]
    [InlineData("Refresh tokens rotate on every use")]
    [InlineData("OAuth 2.0 access tokens are JWTs signed with RS256")]
    [InlineData("")]
    public void TextWithoutAmounts_StatesNoLifetime(string requirement)
    {
        var text = PkceRequirementText.Parse("API Authentication", requirement);

        Assert.Null(text.AccessTokenLifetime);
        Assert.Null(text.RefreshTokenLifetime);
        Assert.Null(text.IdentityTokenLifetime);
        Assert.Null(text.AuthorizationCodeLifetime);
    }

    [Theory]
    [InlineData("OAuth 2.0 with PKCE; access tokens expire within 15 minutes", 900, null, null, null)]
    [InlineData("Access tokens live at most 1 hour and refresh tokens 7 days", 3600, 604800, null, null)]
    [InlineData("Token lifetimes: access 15 min, refresh 7d", 900, 604800, null, null)]
    [InlineData("Access and ID tokens expire within 5 minutes.", 300, null, 300, null)]
    [InlineData("Use PKCE. Authorization codes expire after 60 seconds; identity tokens after 10m", null, null, 600, 60)]
    [InlineData("Access tokens expire in an hour", 3600, null, null, null)]
    [InlineData("Refresh tokens: a 30-day absolute lifetime", null, 2592000, null, null)]
    [InlineData("Access tokens expire after 1.5 hours", 5400, null, null, null)]
    [InlineData("access_token lifetime 900s", 900, null, null, null)]
    [InlineData("OAuth access tokens expire within fifteen minutes", 900, null, null, null)]
    [InlineData("Access tokens are valid for 2 weeks", 1209600, null, null, null)]
    public void LifetimesNamedInTheText_AreRead(string requirement, int? access, int? refresh, int? identity, int? code)
    {
        var text = PkceRequirementText.Parse("API Authentication", requirement);

        Assert.Equal(access, Seconds(text.AccessTokenLifetime));
        Assert.Equal(refresh, Seconds(text.RefreshTokenLifetime));
        Assert.Equal(identity, Seconds(text.IdentityTokenLifetime));
        Assert.Equal(code, Seconds(text.AuthorizationCodeLifetime));
    }

    [Theory]
    [InlineData("Access tokens must last at least 5 minutes")]
    [InlineData("Refresh tokens expire after 3 months")]
    [InlineData("Access tokens expire. Sessions end after 8 hours")]
    public void FloorsMonthsAndOtherSentences_AreNotLimits(string requirement)
    {
        var text = PkceRequirementText.Parse(null, requirement);

        Assert.Null(text.AccessTokenLifetime);
        Assert.Null(text.RefreshTokenLifetime);
    }

    [Theory]
    [InlineData("OAuth 2.0 with PKCE required for all public clients", "Public")]
    [InlineData("Native apps and SPAs use OAuth 2.0 with PKCE", "Public")]
    [InlineData("PKCE for mobile clients", "Public")]
    [InlineData("OAuth 2.0 with PKCE for all clients", "All")]
    [InlineData("PKCE is required for every OAuth client", "All")]
    [InlineData("PKCE for public and confidential clients", "All")]
    [InlineData("PKCE for public clients, including confidential clients", "All")]
    [InlineData("Implement OAuth 2.0 with PKCE", null)]
    [InlineData("Public API endpoints require OAuth 2.0", null)]
    public void ClientScope_IsReadFromTheText(string requirement, string? expected)
    {
        Assert.Equal(expected, PkceRequirementText.Parse("API Authentication", requirement).Clients?.ToString());
    }

    private static int? Seconds(TimeSpan? lifetime) => lifetime is { } value ? (int)value.TotalSeconds : null;
}
