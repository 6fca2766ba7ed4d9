using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Parses a requirements file into a <see cref="RequirementsDocument"/>. Pure and thread-safe; never throws
/// on any input: every problem becomes a <see cref="ConfigError"/> and the valid controls are kept.
/// </summary>
internal static class RequirementsParser
{
    public static readonly string[] TopLevelKeys = { "version", "controls", "exceptions" };
    public static readonly string[] ControlKeys = { "id", "name", "requirement", "implementation", "verification", "check", "severity", "parameters" };
    /// <summary>A parameter every check knows: its rules report nothing in generated files.</summary>
    public const string SkipGeneratedCodeKey = "skip_generated_code";

    public static readonly string[] WaiverKeys = { "control", "symbol", "path", "namespace", "justification", "approved_by", "expires" };

    public static RequirementsDocument Parse(SourceText text)
    {
        var errors = new List<ConfigError>();
        var schema = new SchemaReader(errors);
        var root = ConfigTreeBuilder.Build(text, errors);

        string? version = null;
        var controls = ImmutableArray.CreateBuilder<ControlModel>();
        var waivers = ImmutableArray.CreateBuilder<WaiverModel>();

        if (root is null || root.IsNull)
        {
            if (errors.Count == 0)
            {
                schema.Report(DiagnosticDescriptors.MissingRequiredKey, SourceSpan.Create(text, 0, 0), "The requirements file", "'controls'");
            }
        }
        else if (root.Kind != ConfigNodeKind.Mapping)
        {
            schema.Report(DiagnosticDescriptors.WrongNodeType, root.Span, "The requirements file", "a mapping with 'version' and 'controls'", root.Describe());
        }
        else
        {
            var entries = schema.ReadMapping(root, "the requirements file", TopLevelKeys);
            var sawControls = false;
            foreach (var entry in entries)
            {
                switch (entry.Key)
                {
                    case "version":
                        version = schema.ReadScalar(entry)?.Value;
                        break;
                    case "controls":
                        sawControls = true;
                        ReadControls(schema, entry, controls);
                        break;
                    case "exceptions":
                        ReadWaivers(schema, entry, waivers);
                        break;
                }
            }

            if (!sawControls && !root.IsIncomplete)
            {
                schema.Report(DiagnosticDescriptors.MissingRequiredKey, FirstKeySpan(root), "The requirements file", "'controls'");
            }
        }

        return new RequirementsDocument(version, controls.ToImmutable(), waivers.ToImmutable(), errors.ToImmutableArray());
    }

    private static void ReadControls(SchemaReader schema, MappingEntry entry, ImmutableArray<ControlModel>.Builder controls)
    {
        var list = entry.Value;
        if (list.IsIncomplete && list.Kind != ConfigNodeKind.Sequence)
        {
            return;
        }

        if (list.Kind != ConfigNodeKind.Sequence)
        {
            // An empty 'controls:' enforces nothing; say so rather than accept it silently ('controls: []' is explicit).
            schema.Report(DiagnosticDescriptors.WrongNodeType, list.IsNull ? entry.KeyNode.Span : list.Span, "controls", "a list of controls", list.Describe());
            return;
        }

        var firstIdSpans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var index = 0; index < list.Items.Count; index++)
        {
            var item = list.Items[index];
            if (item.IsIncomplete)
            {
                continue;
            }

            if (item.Kind != ConfigNodeKind.Mapping)
            {
                schema.Report(DiagnosticDescriptors.WrongNodeType, item.Span, "Each control", "a mapping with 'id' and 'requirement'", item.Describe());
                continue;
            }

            var control = ReadControl(schema, item, index + 1);
            if (control is null)
            {
                continue;
            }

            if (firstIdSpans.TryGetValue(control.Id, out var first))
            {
                schema.Errors.Add(new ConfigError(DiagnosticDescriptors.DuplicateControlId, control.IdSpan, first, control.Id));
                continue;
            }

            firstIdSpans.Add(control.Id, control.IdSpan);
            controls.Add(control);
        }
    }

    private static ControlModel? ReadControl(SchemaReader schema, ConfigNode node, int position)
    {
        var entries = schema.ReadMapping(node, "a control", ControlKeys);
        SpannedValue? id = null;
        string? name = null, requirement = null, implementation = null, verification = null;
        SpannedValue? check = null;
        SpannedValue? severity = null;
        ConfigNode? parameters = null;

        foreach (var entry in entries)
        {
            switch (entry.Key)
            {
                case "id":
                    id = schema.ReadScalar(entry);
                    break;
                case "name":
                    name = schema.ReadScalar(entry)?.Value;
                    break;
                case "requirement":
                    requirement = schema.ReadScalar(entry)?.Value;
                    break;
                case "implementation":
                    implementation = schema.ReadScalar(entry)?.Value;
                    break;
                case "verification":
                    verification = schema.ReadScalar(entry)?.Value;
                    break;
                case "check":
                    check = schema.ReadScalar(entry);
                    break;
                case "severity":
                    severity = schema.ReadScalar(entry);
                    break;
                case "parameters":
                    parameters = entry.Value;
                    break;
            }
        }

        if (id is null || id.Value.Value.Length == 0)
        {
            schema.Report(DiagnosticDescriptors.MissingRequiredKey, FirstKeySpan(node), "Control #" + position.ToString(CultureInfo.InvariantCulture), "'id'");
            return null;
        }

        var controlId = id.Value.Value;
        if (ControlIdShape.Problem(controlId) is { } idProblem)
        {
            schema.Report(DiagnosticDescriptors.InvalidControlId, id.Value.Span, ControlIdShape.Display(controlId), idProblem);
            return null;
        }

        if (string.IsNullOrWhiteSpace(requirement))
        {
            schema.Report(DiagnosticDescriptors.MissingRequiredKey, id.Value.Span, "Control '" + controlId + "'", "'requirement'");
            return null;
        }

        var checkKind = CheckKind.None;
        var inferred = false;
        if (check is { } checkValue)
        {
            if (!CheckNames.TryParse(checkValue.Value, out checkKind))
            {
                schema.Report(DiagnosticDescriptors.UnknownCheck, checkValue.Span, controlId, checkValue.Value, CheckNames.All);
            }
        }
        else
        {
            checkKind = CheckInference.Infer(name, requirement);
            inferred = checkKind != CheckKind.None;
        }

        var controlSeverity = ControlSeverity.Warning;
        if (severity is { } severityValue && !ControlSeverityExtensions.TryParse(severityValue.Value, out controlSeverity))
        {
            schema.Report(DiagnosticDescriptors.InvalidSeverity, severityValue.Span, severityValue.Value);
        }

        var reader = new ParameterReader(schema, parameters, controlId);
        var skipGeneratedCode = false;
        object? settings = null;
        var effective = ImmutableArray<ParameterModel>.Empty;
        var ignored = ImmutableArray<string>.Empty;
        if (checkKind == CheckKind.None)
        {
            effective = reader.Declared();
        }
        else
        {
            switch (checkKind)
            {
                case CheckKind.Encryption:
                    var encryption = EncryptionParameters.Read(reader);
                    (settings, effective) = (encryption, encryption.Effective());
                    break;
                case CheckKind.OAuthPkce:
                    var pkce = PkceParameters.Read(reader, name, requirement, inferred);
                    (settings, effective) = (pkce, pkce.Effective());
                    break;
                case CheckKind.PiiAudit:
                    var piiAudit = PiiAuditParameters.Read(reader);
                    (settings, effective) = (piiAudit, piiAudit.Effective());
                    break;
                case CheckKind.Banned:
                    var banned = BannedParameters.Read(reader);
                    (settings, effective) = (banned, banned.Effective());
                    break;
            }

            // Asked after the check's own keys, so "use one of" lists those first.
            skipGeneratedCode = reader.Bool(SkipGeneratedCodeKey) ?? false;
            if (skipGeneratedCode)
            {
                effective = effective.Add(ParameterModel.Scalar(SkipGeneratedCodeKey, "true"));
            }

            effective = effective.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            ignored = reader.ReportUnknownKeys(CheckNames.ToName(checkKind));
        }

        return new ControlModel(
            controlId,
            SchemaReader.Normalize(name ?? controlId),
            SchemaReader.Normalize(requirement!),
            implementation,
            verification,
            checkKind,
            inferred,
            controlSeverity,
            effective,
            ignored,
            skipGeneratedCode,
            settings,
            id.Value.Span);
    }

    private static void ReadWaivers(SchemaReader schema, MappingEntry entry, ImmutableArray<WaiverModel>.Builder waivers)
    {
        var list = entry.Value;
        if (list.IsNull || list.IsIncomplete && list.Kind != ConfigNodeKind.Sequence)
        {
            return;
        }

        if (list.Kind != ConfigNodeKind.Sequence)
        {
            schema.Report(DiagnosticDescriptors.WrongNodeType, list.Span, "exceptions", "a list of waivers", list.Describe());
            return;
        }

        foreach (var item in list.Items)
        {
            if (item.IsIncomplete)
            {
                continue;
            }

            if (item.Kind != ConfigNodeKind.Mapping)
            {
                schema.Report(DiagnosticDescriptors.WrongNodeType, item.Span, "Each waiver", "a mapping with 'control', a scope and 'justification'", item.Describe());
                continue;
            }

            if (ReadWaiver(schema, item) is { } waiver)
            {
                waivers.Add(waiver);
            }
        }
    }

    private static WaiverModel? ReadWaiver(SchemaReader schema, ConfigNode node)
    {
        var entries = schema.ReadMapping(node, "a waiver", WaiverKeys);
        SpannedValue? control = null, justification = null, approvedBy = null, expires = null;
        var scopes = new List<(WaiverScopeKind Kind, SpannedValue Value)>();

        foreach (var entry in entries)
        {
            switch (entry.Key)
            {
                case "control":
                    control = schema.ReadScalar(entry);
                    break;
                case "symbol":
                    AddScope(schema.ReadScalar(entry), WaiverScopeKind.Symbol);
                    break;
                case "path":
                    AddScope(schema.ReadScalar(entry), WaiverScopeKind.Path);
                    break;
                case "namespace":
                    AddScope(schema.ReadScalar(entry), WaiverScopeKind.Namespace);
                    break;
                case "justification":
                    justification = schema.ReadScalar(entry);
                    break;
                case "approved_by":
                    approvedBy = schema.ReadScalar(entry);
                    break;
                case "expires":
                    expires = schema.ReadScalar(entry);
                    break;
            }
        }

        var where = control is { } c ? "Waiver of '" + c.Value + "'" : "A waiver";
        if (control is null)
        {
            schema.Report(DiagnosticDescriptors.MissingRequiredKey, FirstKeySpan(node), where, "'control'");
            return null;
        }

        if (scopes.Count == 0)
        {
            schema.Report(DiagnosticDescriptors.MissingRequiredKey, control.Value.Span, where, "a scope ('symbol', 'path' or 'namespace')");
            return null;
        }

        if (scopes.Count > 1)
        {
            schema.Report(DiagnosticDescriptors.InvalidParameterValue, scopes[1].Value.Span, scopes[1].Value.Value, ScopeKey(scopes[1].Kind),
                "a waiver has exactly one scope: symbol, path or namespace; split it into several waivers");
            return null;
        }

        if (justification is null || justification.Value.Value.Length == 0)
        {
            schema.Report(DiagnosticDescriptors.MissingRequiredKey, control.Value.Span, where, "'justification'");
            return null;
        }

        var (scopeKind, scope) = scopes[0];
        GlobPattern? glob = null;
        switch (scopeKind)
        {
            case WaiverScopeKind.Symbol when !DocumentationIds.IsWellFormed(scope.Value):
                schema.Report(DiagnosticDescriptors.InvalidSymbolId, scope.Span, scope.Value);
                return null;
            case WaiverScopeKind.Path when !GlobPattern.TryCreate(scope.Value, '/', ignoreCase: true, out glob, out var globError):
                schema.Report(DiagnosticDescriptors.InvalidGlob, scope.Span, scope.Value, globError);
                return null;
        }

        string? expiryDate = null;
        if (expires is { } expiresValue)
        {
            if (!DateTime.TryParseExact(expiresValue.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                schema.Report(DiagnosticDescriptors.InvalidParameterValue, expiresValue.Span, expiresValue.Value, "expires", "write the last day the waiver applies as yyyy-MM-dd");
                return null;
            }

            expiryDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return new WaiverModel(
            control.Value.Value,
            control.Value.Span,
            scopeKind,
            scope.Value,
            scope.Span,
            glob,
            SchemaReader.Normalize(justification.Value.Value),
            approvedBy?.Value,
            expiryDate,
            expires?.Span ?? control.Value.Span,
            node.Span);

        void AddScope(SpannedValue? value, WaiverScopeKind kind)
        {
            if (value is { } v)
            {
                scopes.Add((kind, v));
            }
        }
    }

    private static string ScopeKey(WaiverScopeKind kind) => kind switch
    {
        WaiverScopeKind.Symbol => "symbol",
        WaiverScopeKind.Path => "path",
        _ => "namespace",
    };

    private static SourceSpan FirstKeySpan(ConfigNode mapping) =>
        mapping.Pairs.Count > 0 ? mapping.Pairs[0].Key.Span : mapping.Span;
}
