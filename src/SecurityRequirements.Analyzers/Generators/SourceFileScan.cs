using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What the attestation needs from one C# file: its pragma suppressions of our ids and its header comments.</summary>
/// <remarks>
/// <para><c>Header</c>: The comments before the first token (capped), searched for AI provenance markers; empty for tool-generated files.</para>
/// </remarks>
internal sealed record SourceFileScan(string Path, string Header, EquatableArray<SuppressionEntry> Pragmas);
