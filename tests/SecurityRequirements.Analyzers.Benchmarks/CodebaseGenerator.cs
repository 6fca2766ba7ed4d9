using System.Globalization;
using System.Text;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// Writes a deterministic, compiling C# codebase of about the requested number of lines: per module a
/// model file (records and classes with [PersonalData] members), a service (async, LINQ, logging with
/// audit entries before personal data is read), a generic repository with SQL text, and every few modules
/// a crypto helper (AesGcm used correctly) and OAuth configuration. About one module in seven carries a
/// violation of each control, so every check has real findings to report, as in a codebase under migration.
/// </summary>
internal static class CodebaseGenerator
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int targetLines, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string Path, string Text)>
        {
            ("/bench/src/Infrastructure.cs", Infrastructure),
        };
        var lines = CountLines(Infrastructure);
        for (var module = 0; lines < targetLines; module++)
        {
            foreach (var file in Module(module, random))
            {
                files.Add(file);
                lines += CountLines(file.Text);
            }
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<(string Path, string Text)> Module(int m, Random random)
    {
        var ns = $"Bench.Module{m}";
        var dir = $"/bench/src/Module{m}";
        // Which modules break which control: a fixed rhythm plus a seeded jitter, so sizes differ in mix only by scale.
        var jitter = random.Next(7);
        var auditMissing = (m + jitter) % 7 == 3;
        var logsPii = (m + jitter) % 11 == 5;
        var weakCrypto = m % 9 == 4;
        var weakHash = m % 13 == 6;
        var pkceOff = m % 10 == 7;
        var usersQuery = m % 17 == 8;
        var fields = 3 + random.Next(4);

        yield return ($"{dir}/Models.cs", Models(ns, m, fields));
        yield return ($"{dir}/CustomerService.cs", Service(ns, m, auditMissing, logsPii, random.Next(1000)));
        yield return ($"{dir}/OrderRepository.cs", Repository(ns, m, usersQuery));
        if (m % 3 == 0 || weakCrypto || weakHash)
        {
            yield return ($"{dir}/Sealing.cs", Crypto(ns, m, weakCrypto, weakHash));
        }

        if (m % 5 == 0 || pkceOff)
        {
            yield return ($"{dir}/Authentication.cs", OAuth(ns, m, pkceOff));
        }
    }

    private static string Models(string ns, int m, int fields)
    {
        var extra = new StringBuilder();
        for (var i = 0; i < fields; i++)
        {
            extra.Append($"    public decimal Amount{i} {{ get; init; }}\n");
            extra.Append($"    public string? Note{i} {{ get; init; }}\n");
        }

        return $$"""
            using Microsoft.AspNetCore.Identity;

            namespace {{ns}};

            public enum OrderStatus{{m}}
            {
                Pending,
                Paid,
                Shipped,
                Cancelled,
            }

            public sealed record Customer{{m}}(int Id, string Email, [property: PersonalData] string FullName, string Country) : IEntity
            {
                [PersonalData]
                public string? Phone { get; init; }

                public DateOnly Since { get; init; }

                public bool IsDomestic => Country is "DE" or "FR" or "NL";
            }

            public sealed class Order{{m}} : IEntity
            {
                public int Id { get; init; }

                public int CustomerId { get; init; }

                public OrderStatus{{m}} Status { get; set; }

                public List<OrderLine{{m}}> Lines { get; } = new();

            {{extra}}
                public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
            }

            public readonly record struct OrderLine{{m}}(string Sku, int Quantity, decimal UnitPrice);

            public sealed record OrderSummary{{m}}(int CustomerId, int Count, decimal Total);
            """;
    }

    private static string Service(string ns, int m, bool auditMissing, bool logsPii, int salt)
    {
        var contact = auditMissing
            ? """
                    public string Contact(Customer{M} customer) => customer.Email;
                """
            : """
                    public string Contact(Customer{M} customer, string userId, string clientIp)
                    {
                        logger.LogInformation("PII access: UserId={UserId} Action={Action} IpAddress={IpAddress}", userId, "read Customer.Email", clientIp);
                        return customer.Email;
                    }
                """;
        var loaded = logsPii
            ? """
                    public void Loaded(Customer{M} customer) => logger.LogDebug("Loaded {@Customer}", customer);
                """
            : """
                    public void Loaded(Customer{M} customer) => logger.LogDebug("Loaded customer {CustomerId}", customer.Id);
                """;

        return $$"""
            using System.Globalization;
            using Microsoft.Extensions.Logging;

            namespace {{ns}};

            public sealed class CustomerService{{m}}(ILogger<CustomerService{{m}}> logger, IRepository<Customer{{m}}> customers, IRepository<Order{{m}}> orders)
            {
                private const int PageSize = {{20 + (salt % 30)}};

            {{contact.Replace("{M}", m.ToString(CultureInfo.InvariantCulture))}}
            {{loaded.Replace("{M}", m.ToString(CultureInfo.InvariantCulture))}}
                public async Task<IReadOnlyList<OrderSummary{{m}}>> SummarizeAsync(CancellationToken cancellationToken)
                {
                    var all = await orders.ListAsync(cancellationToken).ConfigureAwait(false);
                    return all
                        .Where(o => o.Status != OrderStatus{{m}}.Cancelled)
                        .GroupBy(o => o.CustomerId)
                        .Select(g => new OrderSummary{{m}}(g.Key, g.Count(), g.Sum(o => o.Total)))
                        .OrderByDescending(s => s.Total)
                        .Take(PageSize)
                        .ToList();
                }

                public async Task<Customer{{m}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    var customer = await customers.FindAsync(id, cancellationToken).ConfigureAwait(false);
                    if (customer is null)
                    {
                        logger.LogWarning("Customer {CustomerId} not found", id);
                        return null;
                    }

                    logger.LogDebug("Customer {CustomerId} found", customer.Id);
                    return customer;
                }

                public async IAsyncEnumerable<Order{{m}}> OpenOrdersAsync(int customerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var order in await orders.ListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (order.CustomerId == customerId && order.Status is OrderStatus{{m}}.Pending or OrderStatus{{m}}.Paid)
                        {
                            yield return order;
                        }
                    }
                }

                public static string Describe(OrderStatus{{m}} status) => status switch
                {
                    OrderStatus{{m}}.Pending => "pending",
                    OrderStatus{{m}}.Paid => "paid",
                    OrderStatus{{m}}.Shipped => "shipped",
                    _ => "cancelled",
                };

                public decimal AverageLine(Order{{m}} order)
                {
                    if (order.Lines.Count == 0)
                    {
                        return 0m;
                    }

                    var (count, sum) = order.Lines.Aggregate((0, 0m), (acc, line) => (acc.Item1 + line.Quantity, acc.Item2 + (line.Quantity * line.UnitPrice)));
                    return Math.Round(sum / count, 2, MidpointRounding.ToEven);
                }

                public Dictionary<string, int> CountBySku(IEnumerable<Order{{m}}> source)
                {
                    var result = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var line in source.SelectMany(o => o.Lines))
                    {
                        result[line.Sku] = result.TryGetValue(line.Sku, out var existing) ? existing + line.Quantity : line.Quantity;
                    }

                    return result;
                }

                public string Format(OrderSummary{{m}} summary) =>
                    string.Create(CultureInfo.InvariantCulture, $"{summary.CustomerId}: {summary.Count} orders, {summary.Total:C}");
            }
            """;
    }

    private static string Repository(string ns, int m, bool usersQuery)
    {
        var table = usersQuery ? "users" : "orders";
        return $$"""
            namespace {{ns}};

            public sealed class OrderRepository{{m}} : InMemoryRepository<Order{{m}}>
            {
                public const string ByCustomerSql = "select id, status from {{table}} where customer_id = @customerId";

                public IEnumerable<Order{{m}}> ByStatus(OrderStatus{{m}} status) => Items.Where(o => o.Status == status).OrderBy(o => o.Id);

                public ILookup<int, Order{{m}}> ByCustomer() => Items.ToLookup(o => o.CustomerId);

                public T? MaxBy<T>(Func<Order{{m}}, T> selector)
                    where T : IComparable<T>
                {
                    T? best = default;
                    var first = true;
                    foreach (var item in Items)
                    {
                        var value = selector(item);
                        if (first || value.CompareTo(best!) > 0)
                        {
                            best = value;
                            first = false;
                        }
                    }

                    return best;
                }
            }
            """;
    }

    private static string Crypto(string ns, int m, bool weakCrypto, bool weakHash)
    {
        var legacy = weakCrypto
            ? """
                    public static byte[] LegacyEncrypt(byte[] key, byte[] iv, byte[] plaintext)
                    {
                        using var aes = Aes.Create();
                        aes.Key = key;
                        aes.Mode = CipherMode.CBC;
                        return aes.EncryptCbc(plaintext, iv);
                    }
                """
            : string.Empty;
        var hash = weakHash
            ? """
                    public static byte[] Fingerprint(byte[] data) => MD5.HashData(data);
                """
            : """
                    public static byte[] Fingerprint(byte[] data) => SHA256.HashData(data);
                """;

        return $$"""
            using System.Security.Cryptography;

            namespace {{ns}};

            public static class Sealing{{m}}
            {
                private const int NonceSize = 12;
                private const int TagSize = 16;

                public static byte[] Seal(byte[] key, byte[] plaintext)
                {
                    var output = new byte[NonceSize + TagSize + plaintext.Length];
                    var nonce = output.AsSpan(0, NonceSize);
                    var tag = output.AsSpan(NonceSize, TagSize);
                    var ciphertext = output.AsSpan(NonceSize + TagSize);
                    RandomNumberGenerator.Fill(nonce);
                    using var aes = new AesGcm(key, TagSize);
                    aes.Encrypt(nonce, plaintext, ciphertext, tag);
                    return output;
                }

                public static byte[] Open(byte[] key, byte[] sealedMessage)
                {
                    var nonce = sealedMessage.AsSpan(0, NonceSize);
                    var tag = sealedMessage.AsSpan(NonceSize, TagSize);
                    var ciphertext = sealedMessage.AsSpan(NonceSize + TagSize);
                    var plaintext = new byte[ciphertext.Length];
                    using var aes = new AesGcm(key, TagSize);
                    aes.Decrypt(nonce, ciphertext, tag, plaintext);
                    return plaintext;
                }

                public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

            {{legacy}}
            {{hash}}
            }
            """;
    }

    private static string OAuth(string ns, int m, bool pkceOff)
    {
        return $$"""
            using Microsoft.AspNetCore.Authentication.OAuth;

            namespace {{ns}};

            public static class Authentication{{m}}
            {
                public static void Configure(OAuthOptions options, string clientId)
                {
                    options.ClientId = clientId;
                    options.UsePkce = {{(pkceOff ? "false" : "true")}};
                    options.SaveTokens = true;
                    options.Scope.Add("orders.read");
                }

                public static string AuthorizeUrl(string authority, string clientId, string challenge) =>
                    $"{authority}/authorize?response_type=code&client_id={Uri.EscapeDataString(clientId)}&code_challenge={challenge}&code_challenge_method=S256";
            }
            """;
    }

    private const string Infrastructure = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;

        namespace Bench;

        public interface IEntity
        {
            int Id { get; }
        }

        public interface IRepository<T>
            where T : class, IEntity
        {
            Task<T?> FindAsync(int id, CancellationToken cancellationToken);

            Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);
        }

        public abstract class InMemoryRepository<T> : IRepository<T>
            where T : class, IEntity
        {
            private readonly List<T> _items = new();

            protected IEnumerable<T> Items => _items;

            public void Add(T item) => _items.Add(item);

            public Task<T?> FindAsync(int id, CancellationToken cancellationToken) => Task.FromResult(_items.FirstOrDefault(i => i.Id == id));

            public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<T>>(_items.ToList());
        }

        """;
}
