namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>One entry of <c>exceptions:</c>: a control waived for a scope until an expiry date.</summary>
internal sealed class WaiverModel
{
    public WaiverModel(
        string controlId,
        SourceSpan controlSpan,
        WaiverScopeKind scopeKind,
        string scope,
        SourceSpan scopeSpan,
        GlobPattern? pathGlob,
        string justification,
        string? approvedBy,
        string? expires,
        SourceSpan expiresSpan,
        SourceSpan span)
    {
        ControlId = controlId;
        ControlSpan = controlSpan;
        ScopeKind = scopeKind;
        Scope = scope;
        ScopeSpan = scopeSpan;
        PathGlob = pathGlob;
        Justification = justification;
        ApprovedBy = approvedBy;
        Expires = expires;
        ExpiresSpan = expiresSpan;
        Span = span;
    }

    public string ControlId { get; }

    public SourceSpan ControlSpan { get; }

    public WaiverScopeKind ScopeKind { get; }

    public string Scope { get; }

    public SourceSpan ScopeSpan { get; }

    public GlobPattern? PathGlob { get; }

    public string Justification { get; }

    public string? ApprovedBy { get; }

    /// <summary>The last day the waiver applies, as <c>yyyy-MM-dd</c>; null for no expiry.</summary>
    public string? Expires { get; }

    public SourceSpan ExpiresSpan { get; }

    public SourceSpan Span { get; }

    /// <summary>Expired when today is after the expiry day. Dates are ISO, so ordinal order is date order.</summary>
    public bool IsExpiredOn(string? today) =>
        Expires is not null && today is not null && string.CompareOrdinal(today, Expires) > 0;
}
