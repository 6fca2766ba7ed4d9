using System;
using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Parameters of a <c>check: oauth-pkce</c> control.</summary>
internal sealed class PkceParameters
{
    public const string S256 = "S256";

    public static readonly PkceParameters Default = new(S256, TimeSpan.FromMinutes(15), TimeSpan.FromDays(7), TimeSpan.FromMinutes(15));

    public PkceParameters(string codeChallengeMethod, TimeSpan accessTokenLifetime, TimeSpan refreshTokenLifetime, TimeSpan identityTokenLifetime)
    {
        CodeChallengeMethod = codeChallengeMethod;
        AccessTokenLifetime = accessTokenLifetime;
        RefreshTokenLifetime = refreshTokenLifetime;
        IdentityTokenLifetime = identityTokenLifetime;
    }

    public string CodeChallengeMethod { get; }

    public TimeSpan AccessTokenLifetime { get; }

    public TimeSpan RefreshTokenLifetime { get; }

    public TimeSpan IdentityTokenLifetime { get; }

    /// <summary>The values the check applies, defaults included, for the attestation and the brief.</summary>
    public ImmutableArray<ParameterModel> Effective() => ImmutableArray.Create(
        ParameterModel.Scalar("access_token_lifetime", DurationParser.Format(AccessTokenLifetime)),
        ParameterModel.Scalar("code_challenge_method", CodeChallengeMethod),
        ParameterModel.Scalar("identity_token_lifetime", DurationParser.Format(IdentityTokenLifetime)),
        ParameterModel.Scalar("refresh_token_lifetime", DurationParser.Format(RefreshTokenLifetime)));

    public static PkceParameters Read(ParameterReader reader)
    {
        var method = S256;
        if (reader.String("code_challenge_method") is { } value && !string.Equals(value.Value, S256, StringComparison.Ordinal))
        {
            reader.Schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, "code_challenge_method",
                "only S256 is accepted: the plain method sends the verifier itself and does not protect the code");
        }

        var access = reader.Duration("access_token_lifetime") ?? Default.AccessTokenLifetime;
        var refresh = reader.Duration("refresh_token_lifetime") ?? Default.RefreshTokenLifetime;
        var identity = reader.Duration("identity_token_lifetime") ?? Default.IdentityTokenLifetime;
        return new PkceParameters(method, access, refresh, identity);
    }
}
