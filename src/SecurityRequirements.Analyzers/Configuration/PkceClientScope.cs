namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Which OAuth clients an oauth-pkce control requires PKCE of.</summary>
internal enum PkceClientScope
{
    /// <summary>Every client, public or confidential.</summary>
    All,

    /// <summary>Public clients only: a confidential client (one that authenticates with a secret) is out of scope.</summary>
    Public,
}
