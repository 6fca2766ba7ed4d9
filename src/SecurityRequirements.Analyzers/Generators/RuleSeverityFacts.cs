using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>Where the compiler options set the severity of one of our rule ids.</summary>
/// <remarks>
/// <para><c>Specific</c>: From NoWarn, WarningsAsErrors, WarningsNotAsErrors or a rule set (applies to every file), as error/warning/info/hidden/suppress; null when not set.</para>
/// <para><c>Global</c>: From a global analyzer config (<c>dotnet_diagnostic.ID.severity</c> in a .globalconfig); null when not set.</para>
/// <para><c>PerFile</c>: From .editorconfig sections, per file that has a value, sorted by path.</para>
/// </remarks>
internal sealed record RuleSeverityFacts(string Id, string? Specific, string? Global, EquatableArray<FileSeverity> PerFile);
