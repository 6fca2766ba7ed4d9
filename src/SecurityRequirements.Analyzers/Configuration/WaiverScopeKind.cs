namespace SecurityRequirements.Analyzers.Configuration;

internal enum WaiverScopeKind
{
    /// <summary>A documentation comment id; covers the symbol and everything declared inside it.</summary>
    Symbol,

    /// <summary>A glob over file paths relative to the directory of the requirements file.</summary>
    Path,

    /// <summary>A namespace and its nested namespaces.</summary>
    Namespace,
}
