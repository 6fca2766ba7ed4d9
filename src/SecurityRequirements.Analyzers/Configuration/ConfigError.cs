using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A problem found in a requirements file, kept as data so parsing never throws.</summary>
internal sealed class ConfigError
{
    public ConfigError(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        : this(descriptor, span, additionalSpan: null, arguments)
    {
    }

    public ConfigError(DiagnosticDescriptor descriptor, SourceSpan span, SourceSpan? additionalSpan, params string[] arguments)
    {
        Descriptor = descriptor;
        Span = span;
        AdditionalSpan = additionalSpan;
        Arguments = arguments;
    }

    /// <summary>A related place in the same file, such as the first definition of a duplicate.</summary>
    public SourceSpan? AdditionalSpan { get; }

    public DiagnosticDescriptor Descriptor { get; }

    public SourceSpan Span { get; }

    public string[] Arguments { get; }

    public Diagnostic ToDiagnostic(string path) =>
        Diagnostic.Create(
            Descriptor,
            Span.ToLocation(path),
            AdditionalSpan is { } additional ? new[] { additional.ToLocation(path) } : null,
            Arguments);
}
