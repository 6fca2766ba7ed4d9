using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>
/// Takes the paths of a first check (parse, bind, our analyzers, the compiler's diagnostics, a code fix's registration)
/// on a small in-memory compilation, while the project's design-time build runs in the workspace's build host process:
/// on a two-core machine the just-in-time compilation of Roslyn and of the analyzers then overlaps MSBuild's work
/// instead of following it. Best effort: a failure here only costs the time it would have saved.
/// </summary>
internal static class WarmUp
{
    private const string Source = """
        using System.Security.Cryptography;

        public sealed class WarmUpVault
        {
            public byte[] Seal(byte[] key, byte[] iv, byte[] data)
            {
                using var des = DES.Create();
                des.Key = key;
                return des.EncryptCbc(data, iv);
            }
        }
        """;

    public static async Task RunAsync(ServerLog log, CancellationToken cancellationToken)
    {
        try
        {
            var references = PlatformReferences();
            using var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution
                .AddProject("WarmUp", "WarmUp", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithMetadataReferences(references);
            var document = project.AddDocument("WarmUp.cs", Source, filePath: "/sra-mcp-warm-up/WarmUp.cs");
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var report = await ProjectAnalysis.AnalyzeAsync(document.Project, options, [document.Id], cancellationToken).ConfigureAwait(false);
            var analyzed = report.Documents[0];
            foreach (var diagnostic in analyzed.Sra)
            {
                await FixActions.ForAsync(analyzed.Document, diagnostic, new List<string>(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Write($"warm-up skipped: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The runtime's own System assemblies: enough to bind the sample, and present wherever the server runs.</summary>
    private static ImmutableArray<MetadataReference> PlatformReferences() =>
        [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is { } name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
}
