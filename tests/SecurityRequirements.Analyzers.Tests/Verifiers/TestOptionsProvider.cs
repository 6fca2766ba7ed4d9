using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Analyzers.Tests.Verifiers;

/// <summary>
/// Global build properties for in-memory compilations (what the package props pass to the compiler), and optionally
/// per-file analyzer options (what .editorconfig sections give a file), chosen by the file's path.
/// </summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals, Func<string, IReadOnlyDictionary<string, string>?>? perFile = null) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        perFile?.Invoke(tree.FilePath) is { } values ? new Options(values) : Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
