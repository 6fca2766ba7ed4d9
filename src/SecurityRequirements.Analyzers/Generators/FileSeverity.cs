namespace SecurityRequirements.Analyzers.Generators;

/// <summary>A severity the .editorconfig gives one rule in one file (error, warning, info, hidden, suppress).</summary>
internal sealed record FileSeverity(string Path, string Severity);
