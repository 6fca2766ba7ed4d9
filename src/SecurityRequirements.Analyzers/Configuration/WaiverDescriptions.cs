namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>How a waiver's scope is written in messages, the attestation and the brief: <c>path: src/Legacy/**</c>.</summary>
internal static class WaiverDescriptions
{
    public static string ScopeKindName(WaiverScopeKind kind) => kind switch
    {
        WaiverScopeKind.Path => "path",
        WaiverScopeKind.Namespace => "namespace",
        _ => "symbol",
    };

    public static string Scope(WaiverModel waiver) => ScopeKindName(waiver.ScopeKind) + ": " + waiver.Scope;
}
