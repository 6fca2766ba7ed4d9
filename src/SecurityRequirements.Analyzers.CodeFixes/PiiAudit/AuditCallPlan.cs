using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>One audit call to insert: before <see cref="Anchor"/> (a statement), or as the first statement of a converted expression-bodied method.</summary>
internal sealed class AuditCallPlan
{
    public AuditCallPlan(SyntaxNode anchor, bool convertsBody, ExpressionStatementSyntax call, string controlId, IReadOnlyList<string> fields, bool needsHelper)
    {
        Anchor = anchor;
        ConvertsBody = convertsBody;
        Call = call;
        ControlId = controlId;
        Fields = fields;
        NeedsHelper = needsHelper;
    }

    public SyntaxNode Anchor { get; }

    /// <summary>True when <see cref="Anchor"/> is an expression-bodied method or local function that gets a block body.</summary>
    public bool ConvertsBody { get; }

    public ExpressionStatementSyntax Call { get; }

    public string ControlId { get; }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>True when the project has no PiiAuditLog class yet.</summary>
    public bool NeedsHelper { get; }
}
