using System.Diagnostics;
using System.Text;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>Analysis of a large file stops promptly when the host cancels it.</summary>
public class CancellationTests
{
    [Fact]
    public async Task CancelMidAnalysisOfLargeFile_ReturnsPromptly()
    {
        var builder = new StringBuilder("using System.Security.Cryptography;\nnamespace Big;\n");
        for (var i = 0; i < 3000; i++)
        {
            builder.Append($"public class C{i} {{ public byte[] M(Aes aes, byte[] d, byte[] iv) {{ aes.KeySize = 128; return aes.EncryptCbc(d, iv); }} public string Q => \"select * from users where id = {i}\"; }}\n");
        }

        var compilation = AnalyzerRunner.Compile(builder.ToString());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerRunner.RunAsync(compilation, "controls:\n  - id: SEC-001\n    requirement: AES-256-GCM\n", cancellationToken: cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"cancellation took {watch.Elapsed}");
    }
}
