using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>What one analysis found: per document, and the analyzer failures (each a bug of ours, reported, never hidden).</summary>
internal sealed record AnalysisReport(Compilation Compilation, ImmutableArray<AnalyzedDocument> Documents, ImmutableArray<string> AnalyzerFailures);
