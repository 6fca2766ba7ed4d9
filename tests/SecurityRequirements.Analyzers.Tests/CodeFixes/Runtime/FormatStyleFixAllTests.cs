using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// Fix All started the way <c>dotnet format analyzers</c> starts it: solution scope, from the first diagnostic it found,
/// with that diagnostic's action key, which is null when the fixer offers nothing there. Narrow fixers decline some
/// diagnostics on purpose; the rest of the project must still be fixed.
/// </summary>
public class FormatStyleFixAllTests
{
    private const string Yaml = """
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
        """;

    [Fact]
    public async Task FirstDiagnosticWithoutAFix_NullKey_TheFixableOnesAreStillFixed()
    {
        const string source = """
            using System.Security.Cryptography;

            public static class Vault
            {
                private static readonly byte[] SharedNonce = new byte[12];

                // First in the file, and no fix: the nonce is a shared field, the tag the caller's buffer.
                public static void Unfixable(AesGcm gcm, byte[] key, byte[] p, byte[] c, byte[] t)
                {
                    gcm.Encrypt(SharedNonce, p, c, t);
                    using var aes = new AesGcm(key, 12);
                    aes.Encrypt(RandomNumberGenerator.GetBytes(12), p, c, t);
                }

                public static byte[] Fixable(byte[] key, byte[] p)
                {
                    var nonce = new byte[12];
                    var c = new byte[p.Length];
                    var t = new byte[12];
                    using var aes = new AesGcm(key, 12);
                    aes.Encrypt(nonce, p, c, t);
                    return [.. nonce, .. c, .. t];
                }
            }
            """;

        var text = source;
        foreach (var id in new[] { "SRA1002", "SRA1006" })
        {
            text = await FormatStyleFixAllAsync(text, id);
        }

        Assert.Contains("var t = new byte[AesGcm.TagByteSizes.MaxSize];", text, StringComparison.Ordinal);
        Assert.Contains("RandomNumberGenerator.Fill(nonce);", text, StringComparison.Ordinal);
        Assert.Contains("gcm.Encrypt(SharedNonce, p, c, t);\n        using var aes = new AesGcm(key, 12);", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static async Task<string> FormatStyleFixAllAsync(string source, string id)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: RuntimeReferences.AspNetCore.MetadataReferences))
            .AddDocument(DocumentId.CreateNewId(projectId), "Vault.cs", SourceText.From(source), filePath: "/app/Vault.cs");
        var document = solution.Projects.Single().Documents.Single();
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new AnalyzerOptions(
            [new InMemoryAdditionalText("/app/security_requirements.yaml", Yaml)],
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.SecurityRequirementsToday"] = "2026-06-01" }));
        var diagnostics = (await compilation.WithAnalyzers(AnalyzerRunner.AllAnalyzers, options).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        Assert.True(diagnostics.Length >= 2, id + " is reported at least twice");

        foreach (var fixer in Fixers.For(id))
        {
            CodeAction? first = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (a, _) => first ??= a, CancellationToken.None));
            Assert.Null(first);

            var context = new FixAllContext(document, fixer, FixAllScope.Solution, first?.EquivalenceKey!, [id], new Provider(diagnostics), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(action);
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
