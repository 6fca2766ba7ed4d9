using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>The name checks a glob makes on every member a project reads, for each shape a segment can take.</summary>
public class SymbolGlobTests
{
    [Theory]
    [InlineData("*.Email", "Email", true)]
    [InlineData("*.Email", "email", true)]
    [InlineData("*.Email", "EmailAddress", false)]
    [InlineData("*.*", "Anything", true)]
    [InlineData("Customer.*Name", "LastName", true)]
    [InlineData("Customer.*Name", "NameOfDay", false)]
    [InlineData("Customer.Name*", "NameOfDay", true)]
    [InlineData("Customer.*mail*", "WorkEmailAddress", true)]
    [InlineData("Customer.E?ail", "Email", true)]
    [InlineData("Customer.E?ail", "Emmail", false)]
    [InlineData("Customer.E*l*s", "EmailAliases", true)]
    public void MemberSegment(string pattern, string member, bool expected) =>
        Assert.Equal(expected, Create(pattern).MayMatchMember(member));

    [Theory]
    [InlineData("*PrivateKeyParameters.*", "RsaPrivateCrtKeyParameters", false)]
    [InlineData("*PrivateKeyParameters.*", "ECPrivateKeyParameters", true)]
    [InlineData("*PrivateKeyParameters.*", "ecprivatekeyparameters", true)]
    [InlineData("JProperty.Name", "JProperty", true)]
    [InlineData("JProperty.Name", "JPropertyX", false)]
    [InlineData("Models.Customer*.Email", "CustomerDto", true)]
    [InlineData("Models.Customer*.Email", "Order", false)]
    [InlineData("*.Email", "Whatever", true)]
    public void TypeSegment(string pattern, string type, bool expected) =>
        Assert.Equal(expected, Create(pattern).MayMatchType(type));

    private static SymbolGlob Create(string pattern)
    {
        Assert.True(GlobPattern.TryCreate(pattern, '.', ignoreCase: true, out var glob, out _));
        return SymbolGlob.Create(ImmutableArray.Create(glob!))[0];
    }
}
