using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Attestation;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>Compiles small assemblies that carry (or do not carry) the generator's AssemblyMetadata entries, as a build would.</summary>
internal static class TestAssembly
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>An assembly with the manifest and its hash (the recorded hash may be overridden to simulate tampering).</summary>
    public static byte[] WithManifest(string manifest, string? recordedSha256 = null, string name = "App") =>
        Compile(name, new Dictionary<string, string>
        {
            [AttestationKeys.ManifestSha256] = recordedSha256 ?? Sha256Hex.OfText(manifest),
            [AttestationKeys.RequirementsSha256] = "0000000000000000000000000000000000000000000000000000000000000000",
            [AttestationKeys.Manifest] = manifest,
        });

    public static byte[] Compile(string name, IReadOnlyDictionary<string, string> metadata)
    {
        var attributes = string.Concat(metadata.Select(p => $"[assembly: System.Reflection.AssemblyMetadata({Literal(p.Key)}, {Literal(p.Value)})]\n"));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(attributes + "namespace App { public static class Marker { } }")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>Writes the assembly to a fresh folder and returns its path.</summary>
    public static string WriteTo(string folder, byte[] image, string fileName = "App.dll")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, image);
        return path;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
