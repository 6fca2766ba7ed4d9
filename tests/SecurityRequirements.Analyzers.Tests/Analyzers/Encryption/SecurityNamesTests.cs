using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Analyzers.Encryption;

namespace SecurityRequirements.Analyzers.Tests.Analyzers.Encryption;

public class SecurityNamesTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create("Names", references: [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

    [Theory]
    [InlineData("password", "password")]
    [InlineData("newPassword", "password")]
    [InlineData("tempPass", "password")]
    [InlineData("PasswordResetToken", "password")]
    [InlineData("_salt", "salt")]
    [InlineData("nonce", "nonce")]
    [InlineData("clientSecret", "secret")]
    [InlineData("IV", "IV")]
    [InlineData("OTPCode", "one-time code")]
    [InlineData("login_otp", "one-time code")]
    [InlineData("twoFactor2faCode", "one-time code")]
    [InlineData("resetToken", "token")]
    [InlineData("CsrfToken", "token")]
    [InlineData("apiKey", "key")]
    [InlineData("sessionId", "session id")]
    [InlineData("resetCode", "code")]
    [InlineData("code", "code")]
    [InlineData("userPin", "PIN")]
    [InlineData("accesscode", "code")]
    [InlineData("newpassword", "password")]
    public void SecretNames_AreRecognised(string identifier, string expected) =>
        Assert.Equal(expected, SecurityNames.Classify(identifier, Compilation.GetSpecialType(SpecialType.System_String)));

    [Theory]
    [InlineData("keyboard")]
    [InlineData("monkey")]
    [InlineData("barcode")]
    [InlineData("statusCode")]
    [InlineData("charCode")]
    [InlineData("keyCode")]
    [InlineData("cacheKey")]
    [InlineData("primaryKey")]
    [InlineData("key")]
    [InlineData("cancellationToken")]
    [InlineData("tokenIndex")]
    [InlineData("tokenType")]
    [InlineData("pass")]
    [InlineData("passCount")]
    [InlineData("unicode")]
    [InlineData("colorCode")]
    [InlineData("delay")]
    public void OrdinaryNames_AreNot(string identifier) =>
        Assert.Null(SecurityNames.Classify(identifier, Compilation.GetSpecialType(SpecialType.System_String)));

    [Fact]
    public void ABareKey_IsKeyMaterialOnlyAsBytes()
    {
        var bytes = Compilation.CreateArrayTypeSymbol(Compilation.GetSpecialType(SpecialType.System_Byte));
        Assert.Equal("key", SecurityNames.Classify("key", bytes));
        Assert.Null(SecurityNames.Classify("key", Compilation.GetSpecialType(SpecialType.System_Int32)));
    }

    [Theory]
    [InlineData("RandomFileName", true)]
    [InlineData("GenerateColor", true)]
    [InlineData("RandomString", false)]
    [InlineData("GenerateCoupon", false)]
    public void OrdinaryText_IsReadFromTheMethodName(string identifier, bool ordinary) =>
        Assert.Equal(ordinary, SecurityNames.IsOrdinaryText(identifier));
}
