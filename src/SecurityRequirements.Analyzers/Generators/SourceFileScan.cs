using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>What the attestation needs from one C# file, read from its syntax and its analyzer options only, so an unchanged file is never rescanned.</summary>
/// <remarks>
/// <para><c>Header</c>: The comments before the first token (capped), searched for AI provenance markers; empty for tool-generated files.</para>
/// <para><c>Generated</c>: Why the compiler treats the file as generated code (name, header, configuration), or null.</para>
/// <para><c>BulkSeverities</c>: The <c>dotnet_analyzer_diagnostic</c> bulk severity settings that apply to this file, sorted.</para>
/// <para><c>TypeNamespaces</c>: The namespaces that declare a type in this file ("" for the global namespace), sorted; a waiver covering all of them covers every type.</para>
/// <para><c>ConfigurationBoundPkce</c>: places that set PKCE from configuration, which the compiler cannot know (SRA2006 reports them).</para>
/// </remarks>
internal sealed record SourceFileScan(
    string Path,
    string Header,
    EquatableArray<SuppressionEntry> Pragmas,
    string? Generated,
    EquatableArray<BulkSeverity> BulkSeverities,
    EquatableArray<string> TypeNamespaces,
    int ConfigurationBoundPkce);
