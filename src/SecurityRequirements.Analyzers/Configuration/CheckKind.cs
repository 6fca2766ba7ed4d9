namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>The built-in check a control binds to.</summary>
internal enum CheckKind
{
    /// <summary>No built-in check applies: the control is attested as not compiler-verified.</summary>
    None,
    Encryption,
    OAuthPkce,
    PiiAudit,
    Banned,
}
