namespace SecurityRequirements.Analyzers.Configuration;

internal enum ConfigNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}
