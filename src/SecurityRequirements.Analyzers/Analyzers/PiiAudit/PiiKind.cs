namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>What reading a member gives, as the classifier sees it.</summary>
internal enum PiiKind
{
    /// <summary>Not personal data.</summary>
    None,

    /// <summary>Personal data.</summary>
    Member,

    /// <summary><c>Claim.Value</c>: personal data when the claim is a personal one, which only the read site shows.</summary>
    ClaimValue,
}
