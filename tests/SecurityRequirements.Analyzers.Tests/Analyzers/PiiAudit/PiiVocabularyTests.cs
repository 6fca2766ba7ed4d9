using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;

/// <summary>The word-part reader and the name vocabulary on names alone (the classifier adds type and owner).</summary>
public class PiiVocabularyTests
{
    private static readonly PiiVocabulary BuiltIn = PiiVocabulary.Create(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    [Theory]
    [InlineData("DateOfBirth", "date,of,birth")]
    [InlineData("SSNNumber", "ssn,number")]
    [InlineData("EMail", "e,mail")]
    [InlineData("email_address", "email,address")]
    [InlineData("_email", "email")]
    [InlineData("Street2", "street,2")]
    [InlineData("IPAddress", "ip,address")]
    [InlineData("UserSSN", "user,ssn")]
    [InlineData("firstName", "first,name")]
    [InlineData("IPerson.DisplayName", "i,person,display,name")]
    [InlineData("", "")]
    [InlineData("__", "")]
    public void Split_ReadsWordParts(string name, string words) =>
        Assert.Equal(words, string.Join(",", WordParts.Split(name)));

    [Theory]
    [InlineData("Email")]
    [InlineData("NormalizedEmail")]
    [InlineData("primary_email")]
    [InlineData("EMail")]
    [InlineData("EmailAddress")]
    [InlineData("PhoneNumber")]
    [InlineData("MobilePhone")]
    [InlineData("FirstName")]
    [InlineData("LastName")]
    [InlineData("UserName")]
    [InlineData("NormalizedUserName")]
    [InlineData("Username")]
    [InlineData("DateOfBirth")]
    [InlineData("BirthDate")]
    [InlineData("Street1")]
    [InlineData("AddressLine2")]
    [InlineData("ZipCode")]
    [InlineData("PostalCode")]
    [InlineData("Ssn")]
    [InlineData("SocialSecurityNumber")]
    [InlineData("NationalId")]
    [InlineData("PassportNumber")]
    [InlineData("CardHolderName")]
    [InlineData("CardNumber")]
    [InlineData("CreditCardNumber")]
    [InlineData("BillingAddress")]
    [InlineData("CustomerName")]
    [InlineData("ShippingCity")]
    [InlineData("UserDisplayName")]
    public void PersonalNames_MatchWithoutAPerson(string name)
    {
        var match = BuiltIn.Match(name);
        Assert.True(match.IsMatch, name);
        Assert.False(match.NeedsPerson, name);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("DisplayName")]
    [InlineData("Address")]
    [InlineData("City")]
    [InlineData("IpAddress")]
    [InlineData("NickName")]
    public void PersonOnlyNames_NeedTheOwnerToBeAPerson(string name)
    {
        var match = BuiltIn.Match(name);
        Assert.True(match.IsMatch, name);
        Assert.True(match.NeedsPerson, name);
    }

    [Theory]
    [InlineData("EmailConfirmed")]
    [InlineData("EmailTemplate")]
    [InlineData("EmailSettings")]
    [InlineData("PhoneNumberConfirmed")]
    [InlineData("LastLoginDate")]
    [InlineData("FirstItem")]
    [InlineData("Login")]
    [InlineData("Catalog")]
    [InlineData("Id")]
    [InlineData("UserId")]
    [InlineData("PassportType")]
    [InlineData("Emails2Send")]
    [InlineData("Value")]
    [InlineData("ClientName")]
    [InlineData("AlgorithmName")]
    [InlineData("FileName")]
    [InlineData("CompanyName")]
    [InlineData("")]
    public void OtherNames_DoNotMatch(string name) => Assert.False(BuiltIn.Match(name).IsMatch, name);

    [Fact]
    public void DateEntries_AllowDates_AndTeamEntriesAllowNumbers()
    {
        Assert.True(BuiltIn.Match("DateOfBirth").AllowsDate);
        Assert.False(BuiltIn.Match("Email").AllowsDate);
        var team = PiiVocabulary.Create(ImmutableArray.Create("Iban", "annual_salary"), ImmutableArray<string>.Empty);
        Assert.True(team.Match("CustomerIban").IsMatch);
        Assert.True(team.Match("AnnualSalary").AllowsNumber);
        Assert.False(team.Match("Salary").IsMatch);
    }

    [Fact]
    public void RemovedEntries_AreGone_AndStarRemovesEveryBuiltInEntry()
    {
        var withoutDisplayName = PiiVocabulary.Create(ImmutableArray<string>.Empty, ImmutableArray.Create("display_name", "ZIP"));
        var displayName = withoutDisplayName.Match("DisplayName");
        Assert.True(displayName.IsMatch && displayName.NeedsPerson, "'Name', still listed, matches the last word");
        Assert.True(withoutDisplayName.Match("UserDisplayName").NeedsPerson, "without the DisplayName entry, 'User' no longer qualifies it");
        Assert.False(withoutDisplayName.Match("Zip").IsMatch);
        Assert.True(withoutDisplayName.Match("ZipCode").IsMatch);

        var none = PiiVocabulary.Create(ImmutableArray.Create("Iban"), ImmutableArray.Create("*"));
        Assert.False(none.Match("Email").IsMatch);
        Assert.True(none.Match("Iban").IsMatch);
        Assert.False(none.IsEmpty);
        Assert.True(PiiVocabulary.Create(ImmutableArray<string>.Empty, ImmutableArray.Create("*")).IsEmpty);
    }

    [Theory]
    [InlineData("Email", true)]
    [InlineData("e-mail", true)]
    [InlineData("user_name", true)]
    [InlineData("*", true)]
    [InlineData("Emial", false)]
    [InlineData("Iban", false)]
    public void IsBuiltIn_NamesEntriesWhateverTheirSpelling(string name, bool builtIn) =>
        Assert.Equal(builtIn, PiiVocabulary.IsBuiltIn(name));

    [Fact]
    public void BuiltInNames_ListEachEntryOnce()
    {
        var names = PiiVocabulary.BuiltInNames.ToList();
        Assert.Contains("Email", names);
        Assert.DoesNotContain("EMail", names);
        Assert.Contains("UserName", names);
        Assert.DoesNotContain("Username", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
