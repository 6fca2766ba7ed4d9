using System;
using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The effective settings of a <c>check: oauth-pkce</c> control. Each comes from, in order: its parameter; what the
/// name or requirement text states (<see cref="PkceRequirementText"/>); the documented default when the check is
/// written explicitly. A control whose check is inferred from its text enforces only what the text states, so a
/// lifetime it neither sets nor names is null: not enforced.
/// </summary>
internal sealed class PkceParameters
{
    public const string S256 = "S256";

    public const string ClientsKey = "clients";
    public const string AccessTokenLifetimeKey = "access_token_lifetime";
    public const string RefreshTokenLifetimeKey = "refresh_token_lifetime";
    public const string IdentityTokenLifetimeKey = "identity_token_lifetime";
    public const string AuthorizationCodeLifetimeKey = "authorization_code_lifetime";
    public const string CodeChallengeMethodKey = "code_challenge_method";

    public static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultRefreshTokenLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultIdentityTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>RFC 6749 section 4.1.2 recommends at most ten minutes.</summary>
    public static readonly TimeSpan DefaultAuthorizationCodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>An explicit <c>check: oauth-pkce</c> control with no parameters and a text that states nothing.</summary>
    public static readonly PkceParameters Default = new(
        S256,
        Setting(PkceClientScope.All, PkceSettingSource.Default),
        Setting<TimeSpan>(DefaultAccessTokenLifetime, PkceSettingSource.Default),
        Setting<TimeSpan>(DefaultRefreshTokenLifetime, PkceSettingSource.Default),
        Setting<TimeSpan>(DefaultIdentityTokenLifetime, PkceSettingSource.Default),
        Setting<TimeSpan>(DefaultAuthorizationCodeLifetime, PkceSettingSource.Default),
        PkceSettingSource.Default);

    private PkceParameters(
        string codeChallengeMethod,
        (PkceClientScope Value, PkceSettingSource Source) clients,
        (TimeSpan? Value, PkceSettingSource Source) access,
        (TimeSpan? Value, PkceSettingSource Source) refresh,
        (TimeSpan? Value, PkceSettingSource Source) identity,
        (TimeSpan? Value, PkceSettingSource Source) authorizationCode,
        PkceSettingSource methodSource)
    {
        CodeChallengeMethod = codeChallengeMethod;
        Clients = clients.Value;
        AccessTokenLifetime = access.Value;
        RefreshTokenLifetime = refresh.Value;
        IdentityTokenLifetime = identity.Value;
        AuthorizationCodeLifetime = authorizationCode.Value;
        Aspects = ImmutableArray.Create(
            new PkceAspect(CodeChallengeMethodKey, codeChallengeMethod, methodSource),
            new PkceAspect(ClientsKey, clients.Value == PkceClientScope.Public ? "public" : "all", clients.Source),
            Aspect(AccessTokenLifetimeKey, access),
            Aspect(RefreshTokenLifetimeKey, refresh),
            Aspect(IdentityTokenLifetimeKey, identity),
            Aspect(AuthorizationCodeLifetimeKey, authorizationCode));
    }

    public string CodeChallengeMethod { get; }

    /// <summary>Which clients must use PKCE; <see cref="PkceClientScope.Public"/> leaves confidential clients out.</summary>
    public PkceClientScope Clients { get; }

    /// <summary>The longest allowed access token lifetime, or null when the control does not limit it.</summary>
    public TimeSpan? AccessTokenLifetime { get; }

    /// <summary>The longest allowed refresh token lifetime, or null when the control does not limit it.</summary>
    public TimeSpan? RefreshTokenLifetime { get; }

    /// <summary>The longest allowed identity token lifetime, or null when the control does not limit it.</summary>
    public TimeSpan? IdentityTokenLifetime { get; }

    /// <summary>The longest allowed authorization code lifetime, or null when the control does not limit it.</summary>
    public TimeSpan? AuthorizationCodeLifetime { get; }

    /// <summary>
    /// Every part of the control in a fixed order (code_challenge_method, clients, then the four lifetimes), each with
    /// its effective value (null: not enforced) and where it came from: what the brief and the attestation report.
    /// </summary>
    public ImmutableArray<PkceAspect> Aspects { get; }

    /// <summary>True when at least one token lifetime is limited, so the lifetime rule has something to check.</summary>
    public bool LimitsLifetimes => AccessTokenLifetime is not null || RefreshTokenLifetime is not null || IdentityTokenLifetime is not null || AuthorizationCodeLifetime is not null;

    /// <summary>True when a client of this kind is in scope: confidential clients are out of scope for <see cref="PkceClientScope.Public"/>.</summary>
    public bool Covers(bool confidential) => !confidential || Clients == PkceClientScope.All;

    /// <summary>What an aspect the control neither sets nor states shows in the attestation and the brief.</summary>
    public const string NotEnforced = "not enforced";

    /// <summary>The values the check applies, for the attestation and the brief: every aspect, "not enforced" where the control states none.</summary>
    public ImmutableArray<ParameterModel> Effective()
    {
        var builder = ImmutableArray.CreateBuilder<ParameterModel>(Aspects.Length);
        foreach (var aspect in Aspects)
        {
            builder.Add(ParameterModel.Scalar(aspect.Key, aspect.Value ?? NotEnforced));
        }

        return builder.MoveToImmutable();
    }

    public static PkceParameters Read(ParameterReader reader, string? name, string? requirement, bool checkInferred)
    {
        var methodSource = PkceSettingSource.Default;
        if (reader.String(CodeChallengeMethodKey) is { } value)
        {
            if (string.Equals(value.Value, S256, StringComparison.Ordinal))
            {
                methodSource = PkceSettingSource.Parameter;
            }
            else
            {
                reader.Schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, CodeChallengeMethodKey,
                    "only S256 is accepted: the plain method sends the verifier itself and does not protect the code");
            }
        }
        else if (checkInferred)
        {
            methodSource = PkceSettingSource.RequirementText;
        }

        var text = PkceRequirementText.Parse(name, requirement);
        var clients = ReadClients(reader) is { } scope
            ? Setting(scope, PkceSettingSource.Parameter)
            : text.Clients is { } stated
                ? Setting(stated, PkceSettingSource.RequirementText)
                : Setting(PkceClientScope.All, checkInferred ? PkceSettingSource.NotStated : PkceSettingSource.Default);

        return new PkceParameters(
            S256,
            clients,
            Lifetime(reader, AccessTokenLifetimeKey, text.AccessTokenLifetime, DefaultAccessTokenLifetime, checkInferred),
            Lifetime(reader, RefreshTokenLifetimeKey, text.RefreshTokenLifetime, DefaultRefreshTokenLifetime, checkInferred),
            Lifetime(reader, IdentityTokenLifetimeKey, text.IdentityTokenLifetime, DefaultIdentityTokenLifetime, checkInferred),
            Lifetime(reader, AuthorizationCodeLifetimeKey, text.AuthorizationCodeLifetime, DefaultAuthorizationCodeLifetime, checkInferred),
            methodSource);
    }

    private static PkceClientScope? ReadClients(ParameterReader reader)
    {
        if (reader.String(ClientsKey) is not { } value)
        {
            return null;
        }

        switch (value.Value.Trim().ToLowerInvariant())
        {
            case "public":
                return PkceClientScope.Public;
            case "all":
                return PkceClientScope.All;
            default:
                reader.Schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, ClientsKey,
                    "write public (confidential clients, which authenticate with a secret, are out of scope) or all");
                return null;
        }
    }

    private static (TimeSpan? Value, PkceSettingSource Source) Lifetime(ParameterReader reader, string key, TimeSpan? stated, TimeSpan fallback, bool checkInferred)
    {
        if (reader.String(key) is { } written)
        {
            if (DurationParser.TryParse(written.Value, out var duration))
            {
                return (duration, PkceSettingSource.Parameter);
            }

            // The key was written, so the author wants a limit: an invalid value keeps the documented default.
            reader.Schema.Report(DiagnosticDescriptors.InvalidDuration, written.Span, written.Value, key);
            return (fallback, PkceSettingSource.Default);
        }

        if (stated is { } fromText)
        {
            return (fromText, PkceSettingSource.RequirementText);
        }

        return checkInferred ? (null, PkceSettingSource.NotStated) : (fallback, PkceSettingSource.Default);
    }

    private static (T Value, PkceSettingSource Source) Setting<T>(T value, PkceSettingSource source) => (value, source);

    private static PkceAspect Aspect(string key, (TimeSpan? Value, PkceSettingSource Source) setting) =>
        new(key, setting.Value is { } value ? DurationParser.Format(value) : null, setting.Source);
}
