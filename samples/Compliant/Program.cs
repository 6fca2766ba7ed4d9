using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Samples.Compliant;

var key = RandomNumberGenerator.GetBytes(AesGcmEncryption.KeySizeInBytes);
var sealedMessage = AesGcmEncryption.Encrypt(key, Encoding.UTF8.GetBytes("hello"));
Console.WriteLine(Encoding.UTF8.GetString(AesGcmEncryption.Decrypt(key, sealedMessage)));
Console.WriteLine(Convert.ToHexString(Hashing.Fingerprint(sealedMessage)));

var customers = new CustomerService(NullLogger<CustomerService>.Instance);
Console.WriteLine(customers.ReadEmail(new Customer("ada@example.com", "000-00-0000"), userId: "u-42", ipAddress: "203.0.113.7"));
