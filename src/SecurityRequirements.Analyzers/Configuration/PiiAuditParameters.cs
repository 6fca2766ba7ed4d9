using System.Collections.Immutable;
using System.Linq;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Parameters of a <c>check: pii-audit</c> control.</summary>
internal sealed class PiiAuditParameters
{
    public static readonly PiiAuditParameters Default = new(
        ImmutableArray.Create("PersonalData", "ProtectedPersonalData"),
        ImmutableArray.Create(Glob("*.Email", '.'), Glob("*.Ssn", '.')),
        ImmutableArray.Create(Glob("Microsoft.Extensions.Logging.LoggerExtensions.Log*", '.')),
        ImmutableArray.Create("UserId", "Action", "IpAddress"),
        retentionDays: null);

    public PiiAuditParameters(
        ImmutableArray<string> piiAttributes,
        ImmutableArray<GlobPattern> piiMembers,
        ImmutableArray<GlobPattern> auditMethods,
        ImmutableArray<string> auditFields,
        int? retentionDays)
    {
        PiiAttributes = piiAttributes;
        PiiMembers = piiMembers;
        AuditMethods = auditMethods;
        AuditFields = auditFields;
        RetentionDays = retentionDays;
    }

    /// <summary>Simple or full attribute names; the "Attribute" suffix is optional.</summary>
    public ImmutableArray<string> PiiAttributes { get; }

    /// <summary>Globs over <c>Type.Member</c>, namespace-qualified or not.</summary>
    public ImmutableArray<GlobPattern> PiiMembers { get; }

    /// <summary>Globs over <c>Namespace.Type.Method</c>.</summary>
    public ImmutableArray<GlobPattern> AuditMethods { get; }

    public ImmutableArray<string> AuditFields { get; }

    /// <summary>Attested only.</summary>
    public int? RetentionDays { get; }

    /// <summary>The values the check applies, defaults included, for the attestation and the brief.</summary>
    public ImmutableArray<ParameterModel> Effective()
    {
        var builder = ImmutableArray.CreateBuilder<ParameterModel>();
        builder.Add(ParameterModel.List("audit_fields", AuditFields));
        builder.Add(ParameterModel.List("audit_methods", AuditMethods.Select(g => g.Text).ToImmutableArray()));
        builder.Add(ParameterModel.List("pii_attributes", PiiAttributes));
        builder.Add(ParameterModel.List("pii_members", PiiMembers.Select(g => g.Text).ToImmutableArray()));
        if (RetentionDays is { } retention)
        {
            builder.Add(ParameterModel.Scalar("retention_days", retention.ToString(System.Globalization.CultureInfo.InvariantCulture), attestedOnly: true));
        }

        return builder.ToImmutable();
    }

    public static PiiAuditParameters Read(ParameterReader reader)
    {
        var attributes = Values(reader.List("pii_attributes")) ?? Default.PiiAttributes;
        var members = reader.Globs("pii_members", '.');
        var methods = reader.Globs("audit_methods", '.');
        var fields = Values(reader.List("audit_fields")) ?? Default.AuditFields;
        var retention = reader.Int("retention_days", 1, 36500);
        return new PiiAuditParameters(
            attributes,
            members.IsDefault ? Default.PiiMembers : members,
            methods.IsDefault ? Default.AuditMethods : methods,
            fields,
            retention);
    }

    private static ImmutableArray<string>? Values(ImmutableArray<SpannedValue> values) =>
        values.IsDefault ? null : values.Select(v => v.Value).ToImmutableArray();

    private static GlobPattern Glob(string text, char separator)
    {
        GlobPattern.TryCreate(text, separator, ignoreCase: true, out var glob, out _);
        return glob!;
    }
}
