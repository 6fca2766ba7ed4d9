using Microsoft.CodeAnalysis.Diagnostics;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What every file's scan shares: the analyzer options and whether the compilation has a PKCE settings type.</summary>
internal sealed record ScanSettings(AnalyzerConfigOptionsProvider Options, bool PkceTypesPresent);
