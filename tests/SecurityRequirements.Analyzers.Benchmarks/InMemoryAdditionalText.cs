using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>An additional file whose text is one fixed instance, as the IDE and the compiler hand it out.</summary>
internal sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}
