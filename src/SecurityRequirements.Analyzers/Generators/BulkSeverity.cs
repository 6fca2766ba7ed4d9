namespace SecurityRequirements.Analyzers.Generators;

/// <summary>One bulk severity setting that applies to a file: <c>dotnet_analyzer_diagnostic[.category-&lt;Category&gt;].severity = &lt;Value&gt;</c>.</summary>
/// <remarks>
/// <para><c>Category</c>: The diagnostic category the setting names, or "" for the setting that covers every analyzer diagnostic.</para>
/// <para><c>Value</c>: The configured severity as written (error, warning, suggestion, silent, none, default).</para>
/// </remarks>
internal sealed record BulkSeverity(string Category, string Value);
