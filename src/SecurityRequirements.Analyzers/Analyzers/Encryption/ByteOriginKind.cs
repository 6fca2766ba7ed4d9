namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>Where the bytes of a key, IV or nonce come from, as far as one member body shows.</summary>
internal enum ByteOriginKind
{
    /// <summary>A parameter, property, call result or anything not traced: assumed fine (caller-supplied, vault).</summary>
    Unknown,

    /// <summary>Spelled out in source: an array initializer, a string encoded to bytes, base64/hex of a literal.</summary>
    Literal,

    /// <summary><c>new byte[n]</c> that nothing fills: all zeros.</summary>
    Zeroed,

    /// <summary>Filled by <c>System.Random</c>, which is predictable.</summary>
    SystemRandom,

    /// <summary>Filled or produced by <c>RandomNumberGenerator</c>.</summary>
    CryptoRandom,

    /// <summary>A parameter of the member, directly or through an encoding, hash or key derivation: its callers decide.</summary>
    Parameter,
}
