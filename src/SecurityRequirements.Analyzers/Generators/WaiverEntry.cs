namespace SecurityRequirements.Analyzers.Generators;

/// <summary>One waiver (<c>exceptions:</c> entry) of a requirements file.</summary>
/// <remarks>
/// <para><c>Scope</c>: The scope as <c>kind:value</c>, e.g. <c>symbol:M:Legacy.Crypto.DecryptV1(System.Byte[])</c> or <c>path:src/Legacy/**</c>.</para>
/// <para><c>Expires</c>: The last day the waiver applies (yyyy-MM-dd), or null.</para>
/// </remarks>
internal sealed record WaiverEntry(string ControlId, string Scope, string Justification, string? ApprovedBy, string? Expires);
