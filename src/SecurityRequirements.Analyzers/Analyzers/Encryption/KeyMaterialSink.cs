using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// One buffer handed to a cipher as key, IV or nonce: the value, what it is used as, the API named in messages, and
/// for IVs the algorithm instance or the key passed alongside, so an IV taken from the key can be recognised.
/// </summary>
internal readonly record struct KeyMaterialSink(
    IOperation Value,
    KeyMaterialRole Role,
    string Name,
    bool CheckKeyLength,
    IOperation Owner,
    IOperation? Instance,
    IOperation? PairedKey);
