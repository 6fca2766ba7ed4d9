using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Samples.Noncompliant;

/// <summary>
/// <c>dotnet run -- --round-trip</c>: what must keep working however the code fixes rewrite the sample. Encrypted data
/// opens again with the same key, and the audit lines name who read what from where. Exits 1 if a round trip breaks.
/// </summary>
public static class RoundTrip
{
    public static int Run()
    {
        var message = "attack at dawn"u8.ToArray();
        var failures = 0;

        var cbc = Legacy.Crypto.DecryptV1(WeakEncryption.EncryptWithAesCbc(message));
        failures += Report("AES-CBC sealed, opened by the legacy reader", cbc.AsSpan().SequenceEqual(message));

        var key = RandomNumberGenerator.GetBytes(32);
        var (ciphertext, tag) = WeakAead.Seal(key, message);
        failures += Report($"AES-GCM sealed with a {tag.Length}-byte tag, opened", WeakAead.Open(key, ciphertext, tag).AsSpan().SequenceEqual(message));

        var options = new OAuthOptions();
        OAuthLogin.Configure(options);
        Console.WriteLine($"OAuth UsePkce: {options.UsePkce}");

        var logger = new AuditLines();
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-42")], "sample")) };
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        new PatientRecords(logger).Greeting(new Patient { Id = 7, FullName = "Ada Lovelace" }, http);
        foreach (var line in logger.Lines)
        {
            Console.WriteLine("audit: " + line);
        }

        Console.WriteLine(failures == 0 ? "round trip: OK" : $"round trip: {failures} FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static int Report(string what, bool passed)
    {
        Console.WriteLine((passed ? "ok   " : "FAIL ") + what);
        return passed ? 0 : 1;
    }

    /// <summary>Keeps the audit lines (event 3001) the code writes.</summary>
    private sealed class AuditLines : ILogger<PatientRecords>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 3001)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
