using System.Collections.Immutable;
using System.Linq;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Parameters of a <c>check: pii-audit</c> control.</summary>
internal sealed class PiiAuditParameters
{
    /// <summary>
    /// No member globs by default: the built-in name vocabulary (Email, PhoneNumber, DateOfBirth, …) covers what
    /// "*.Email" and "*.Ssn" did, and more. The audit methods are ILogger logging and the identity servers' event
    /// services, whose events record who, what and from where.
    /// </summary>
    public static readonly PiiAuditParameters Default = new(
        ImmutableArray.Create("PersonalData", "ProtectedPersonalData"),
        ImmutableArray<GlobPattern>.Empty,
        ImmutableArray.Create(
            Glob("Microsoft.Extensions.Logging.LoggerExtensions.Log*", '.'),
            Glob("Duende.IdentityServer.Services.IEventService.RaiseAsync", '.'),
            Glob("IdentityServer4.Services.IEventService.RaiseAsync", '.')),
        ImmutableArray.Create("UserId", "Action", "IpAddress"),
        retentionDays: null);

    public PiiAuditParameters(
        ImmutableArray<string> piiAttributes,
        ImmutableArray<GlobPattern> piiMembers,
        ImmutableArray<GlobPattern> auditMethods,
        ImmutableArray<string> auditFields,
        int? retentionDays,
        ImmutableArray<string> piiNames = default,
        ImmutableArray<string> piiNamesRemoved = default)
    {
        PiiNames = piiNames.IsDefault ? ImmutableArray<string>.Empty : piiNames;
        PiiNamesRemoved = piiNamesRemoved.IsDefault ? ImmutableArray<string>.Empty : piiNamesRemoved;
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

    /// <summary>Member names added to the built-in personal-data vocabulary (matched on word parts).</summary>
    public ImmutableArray<string> PiiNames { get; }

    /// <summary>Built-in vocabulary entries switched off; "*" switches off all of them.</summary>
    public ImmutableArray<string> PiiNamesRemoved { get; }

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
        var names = Values(reader.List("pii_names"));
        return new PiiAuditParameters(
            attributes,
            members.IsDefault ? Default.PiiMembers : members,
            methods.IsDefault ? Default.AuditMethods : methods,
            fields,
            retention,
            names ?? ImmutableArray<string>.Empty,
            RemovedNames(reader));
    }

    /// <summary>pii_names_removed: each value must name a built-in entry, so that a typo does not silently keep one.</summary>
    private static ImmutableArray<string> RemovedNames(ParameterReader reader)
    {
        var values = reader.List("pii_names_removed");
        if (values.IsDefault)
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>(values.Length);
        foreach (var value in values)
        {
            if (PiiVocabulary.IsBuiltIn(value.Value))
            {
                builder.Add(value.Value);
            }
            else
            {
                reader.Schema.Report(DiagnosticDescriptors.InvalidParameterValue, value.Span, value.Value, "pii_names_removed",
                    "write a built-in name such as DisplayName or City, or * for all of them");
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string>? Values(ImmutableArray<SpannedValue> values) =>
        values.IsDefault ? null : values.Select(v => v.Value).ToImmutableArray();

    private static GlobPattern Glob(string text, char separator)
    {
        GlobPattern.TryCreate(text, separator, ignoreCase: true, out var glob, out _);
        return glob!;
    }
}
