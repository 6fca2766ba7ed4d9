using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>The traced origin of a byte buffer: its kind, its length when known, and a phrase for the message.</summary>
internal sealed record ByteOrigin(ByteOriginKind Kind, int? Length, string Description)
{
    /// <summary>For <see cref="ByteOriginKind.Parameter"/>: the parameter the bytes come from.</summary>
    public IParameterSymbol? Parameter { get; init; }

    public static readonly ByteOrigin Unknown = new(ByteOriginKind.Unknown, null, string.Empty);
}
