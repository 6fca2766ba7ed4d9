using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// A parsed requirements file as the attestation needs it. Holds no <c>SourceText</c> or parser
/// model, so that equal YAML gives an equal model and every later step stays cached.
/// </summary>
/// <remarks>
/// <para><c>Path</c>: The file's path as the compiler sees it (absolute in a build); made relative when the manifest is written.</para>
/// <para><c>Sha256</c>: Lower-case hex SHA-256 of the UTF-8 encoding of the file's text.</para>
/// </remarks>
internal sealed record RequirementsFileModel(
    string Path,
    string Sha256,
    string? Version,
    EquatableArray<ControlEntry> Controls,
    EquatableArray<WaiverEntry> Waivers);
