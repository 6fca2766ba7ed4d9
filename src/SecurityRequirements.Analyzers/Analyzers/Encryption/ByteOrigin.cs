namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>The traced origin of a byte buffer: its kind, its length when known, and a phrase for the message.</summary>
internal sealed record ByteOrigin(ByteOriginKind Kind, int? Length, string Description)
{
    public static readonly ByteOrigin Unknown = new(ByteOriginKind.Unknown, null, string.Empty);
}
