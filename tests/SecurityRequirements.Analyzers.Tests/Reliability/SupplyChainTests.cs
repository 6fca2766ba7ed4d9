using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>The shipped analyzer assemblies reference no file, network, environment, process or console API (RS1035, checked on the binary).</summary>
public class SupplyChainTests
{
    private static readonly string[] BannedTypes =
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.Environment", "System.Diagnostics.Process", "System.Console", "System.Net.Http.HttpClient",
        "System.Net.WebClient", "System.Net.WebRequest", "System.Net.Sockets.Socket", "System.Random",
    };

    public static TheoryData<string> ShippedAssemblies() => new()
    {
        typeof(SecurityRequirements.Analyzers.Diagnostics.DiagnosticIds).Assembly.Location,
        typeof(SecurityRequirements.Analyzers.CodeFixes.Encryption.CryptoNames).Assembly.Location,
    };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void ShippedAssembly_ReferencesNoBannedApi(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var referenced = reader.TypeReferences
            .Select(handle => reader.GetTypeReference(handle))
            .Select(type => reader.GetString(type.Namespace) + "." + reader.GetString(type.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(referenced);
        Assert.DoesNotContain(BannedTypes, referenced.Contains);
        Assert.DoesNotContain(referenced, name => name.StartsWith("System.Net.", StringComparison.Ordinal));
    }
}
