namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Where an effective oauth-pkce setting came from, so the brief and the attestation can say why it is enforced.</summary>
internal enum PkceSettingSource
{
    /// <summary>Written under the control's <c>parameters</c>.</summary>
    Parameter,

    /// <summary>Stated by the control's name or requirement text.</summary>
    RequirementText,

    /// <summary>The documented default of an explicit <c>check: oauth-pkce</c> control.</summary>
    Default,

    /// <summary>Neither written nor stated by a control whose check is inferred: the aspect is not enforced.</summary>
    NotStated,
}
