namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// One part of an oauth-pkce control: <see cref="Key"/> is the YAML parameter key (<c>clients</c>,
/// <c>access_token_lifetime</c>, ...), <see cref="Value"/> the effective value as the YAML writes it, or null when the
/// part is not enforced.
/// </summary>
internal readonly record struct PkceAspect(string Key, string? Value, PkceSettingSource Source)
{
    public bool IsEnforced => Value is not null;
}
