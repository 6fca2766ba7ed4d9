using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// One valid control of a requirements file. Immutable and free of compilation state, because the
/// parsed document is cached per text and shared by every compilation.
/// </summary>
internal sealed class ControlModel
{
    public ControlModel(
        string id,
        string name,
        string requirement,
        string? implementation,
        string? verification,
        CheckKind check,
        bool checkInferred,
        ControlSeverity severity,
        ImmutableArray<ParameterModel> parameters,
        ImmutableArray<string> ignoredKeys,
        bool skipGeneratedCode,
        object? settings,
        SourceSpan idSpan)
    {
        Id = id;
        Name = name;
        Requirement = requirement;
        Implementation = implementation;
        Verification = verification;
        Check = check;
        CheckInferred = checkInferred;
        Severity = severity;
        Parameters = parameters;
        IgnoredKeys = ignoredKeys;
        SkipGeneratedCode = skipGeneratedCode;
        Settings = settings;
        IdSpan = idSpan;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The requirement with whitespace folded, ready for a one-line message.</summary>
    public string Requirement { get; }

    public string? Implementation { get; }

    public string? Verification { get; }

    public CheckKind Check { get; }

    /// <summary>True when <see cref="Check"/> came from the text, not from a <c>check:</c> key.</summary>
    public bool CheckInferred { get; }

    public ControlSeverity Severity { get; }

    /// <summary>
    /// The effective parameters, sorted by key: the values the check applies with defaults filled in, plus the
    /// declared-only facts (<see cref="ParameterModel.AttestedOnly"/>). For a control without a check, everything written.
    /// </summary>
    public ImmutableArray<ParameterModel> Parameters { get; }

    /// <summary>Parameter keys the check does not know (reported as SRA0003); the attestation shows them as ignored.</summary>
    public ImmutableArray<string> IgnoredKeys { get; }

    /// <summary><c>skip_generated_code: true</c>: the control's rules report nothing in generated files, and the attestation lists them as excluded.</summary>
    public bool SkipGeneratedCode { get; }

    /// <summary>The typed parameters of <see cref="Check"/>, or null for <see cref="CheckKind.None"/>.</summary>
    public object? Settings { get; }

    public SourceSpan IdSpan { get; }

    public EncryptionParameters Encryption => Settings as EncryptionParameters ?? EncryptionParameters.Default;

    public PkceParameters Pkce => Settings as PkceParameters ?? PkceParameters.Default;

    public PiiAuditParameters PiiAudit => Settings as PiiAuditParameters ?? PiiAuditParameters.Default;

    public BannedParameters? Banned => Settings as BannedParameters;
}
