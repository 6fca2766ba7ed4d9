using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>A document's SRA diagnostics and compiler errors, in position order.</summary>
internal sealed record AnalyzedDocument(Document Document, ImmutableArray<Diagnostic> Sra, ImmutableArray<Diagnostic> CompilerErrors);
