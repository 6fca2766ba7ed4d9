namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A string from the YAML with where it stood, for diagnostics that point back at it.</summary>
internal readonly record struct SpannedValue(string Value, SourceSpan Span);
