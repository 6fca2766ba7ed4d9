using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>One control of a requirements file, reduced to values the incremental driver can compare.</summary>
/// <remarks>
/// <para><c>Check</c>: The YAML name of the check (<c>encryption</c>, ..., <c>none</c>).</para>
/// <para><c>Severity</c>: The severity the YAML gives (error, warning, info, none), before .editorconfig.</para>
/// </remarks>
internal sealed record ControlEntry(
    string Id,
    string Name,
    string Requirement,
    string Check,
    bool Inferred,
    string Severity,
    EquatableArray<ParameterEntry> Parameters);
