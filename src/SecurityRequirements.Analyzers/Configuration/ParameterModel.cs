using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Internal;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// One effective parameter of a control: the value its check applies, with the default filled in when the
/// YAML leaves the key out. <see cref="AttestedOnly"/> marks values no compiler check can verify (rotation,
/// storage, retention): the attestation carries them as declared facts, never as enforced settings.
/// </summary>
internal sealed record ParameterModel(string Key, EquatableArray<string> Values, bool IsList, bool AttestedOnly = false)
{
    public static ParameterModel Scalar(string key, string value, bool attestedOnly = false) =>
        new(key, new EquatableArray<string>(ImmutableArray.Create(value)), IsList: false, attestedOnly);

    public static ParameterModel List(string key, ImmutableArray<string> values) =>
        new(key, new EquatableArray<string>(values), IsList: true);
}
