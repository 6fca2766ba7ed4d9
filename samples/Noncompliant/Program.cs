using Microsoft.Extensions.Logging.Abstractions;
using Samples.Noncompliant;

if (args is ["--round-trip"])
{
    // After `dotnet format analyzers`: does what the fixes rewrote still work? See RoundTrip.cs.
    return RoundTrip.Run();
}

// Every call below breaks a control of security_requirements.yaml; the build output names which.
var data = "hello"u8.ToArray();
Console.WriteLine(Convert.ToHexString(LegacyHashing.Fingerprint(data)));
Console.WriteLine(Convert.ToHexString(WeakEncryption.EncryptWithDes(data)));
Console.WriteLine(Convert.ToHexString(WeakEncryption.EncryptWithAesCbc(data)));
Console.WriteLine(UserQueries.FindUserSql);
Console.WriteLine(OAuthLogin.BuildAuthorizeUrl("https://id.example.com", "sample-client", "https://app.example.com/callback"));
new CustomerService(NullLogger<CustomerService>.Instance).SendNewsletter(new Customer("ada@example.com", "000-00-0000"));
Console.WriteLine(Convert.ToHexString(Legacy.Crypto.DecryptV1(WeakEncryption.EncryptWithAesCbc(data))));
return 0;
