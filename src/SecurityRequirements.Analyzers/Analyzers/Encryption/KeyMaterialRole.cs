namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>What a buffer passed to a crypto API is used as.</summary>
internal enum KeyMaterialRole
{
    Key,
    IV,
    Nonce,
}
