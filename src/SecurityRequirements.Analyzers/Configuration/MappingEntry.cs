namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>One key/value pair of a YAML mapping whose key is a plain string.</summary>
internal readonly record struct MappingEntry(string Key, ConfigNode KeyNode, ConfigNode Value);
