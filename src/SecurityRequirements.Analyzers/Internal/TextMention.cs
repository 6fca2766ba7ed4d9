namespace SecurityRequirements.Analyzers.Internal;

/// <summary>Whether a string expression's written text mentions a needle, read from its syntax alone.</summary>
internal enum TextMention
{
    /// <summary>No literal text mentions it, and no part could be a named constant that does.</summary>
    No,

    /// <summary>No literal text mentions it, but a part may be a named constant (<c>Parameters.ResponseType</c>) that does.</summary>
    OnlyThroughConstants,

    /// <summary>A literal or interpolated text part mentions it.</summary>
    Yes,
}
