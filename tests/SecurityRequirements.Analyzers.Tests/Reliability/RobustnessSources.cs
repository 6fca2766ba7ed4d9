namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>C# that exercises every check family at once, for robustness, determinism and cancellation runs.</summary>
public static class RobustnessSources
{
    public const string Mixed = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;

        namespace Robustness;

        public record Customer(int Id, string Email, string Ssn);

        public static class Crypto
        {
            private static readonly byte[] Nonce = new byte[12];
            private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");

            public static byte[] Seal(byte[] data, byte[] iv)
            {
                using var aes = Aes.Create();
                aes.KeySize = 128;
                aes.Key = Key;
                aes.Mode = CipherMode.ECB;
                using var encryptor = aes.CreateEncryptor();
                return encryptor.TransformFinalBlock(data, 0, data.Length);
            }

            public static void Gcm(byte[] p, byte[] c, byte[] t)
            {
                using var gcm = new AesGcm(Key, 12);
                gcm.Encrypt(Nonce, p, c, t);
                var des = DES.Create();
                var md5 = MD5.Create();
                var rnd = new byte[32];
                new Random(1).NextBytes(rnd);
                using var weak = new AesGcm(rnd, 16);
            }

            public static byte[] Legacy(byte[] key, byte[] data)
            {
                using var tdes = TripleDES.Create();
                tdes.Key = key;
                return tdes.EncryptEcb(data, PaddingMode.PKCS7);
            }

            public static string Query(int id) => $"SELECT * FROM users WHERE id = {id}";
            public static string Authorize(string client) => "https://idp/authorize?response_type=code&client_id=" + client;
        }

        public class Service
        {
            public async Task<string> EmailOf(Customer customer)
            {
                await Task.Yield();
                Console.WriteLine(customer.Email);
                return customer.Email;
            }

            public IEnumerable<string> All(IEnumerable<Customer> customers) => customers.Where(c => c.Ssn.Length > 0).Select(c => c.Email);
        }
        """;
}
