using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecurityRequirements.Analyzers.CodeFixes.Internal;

namespace SecurityRequirements.Analyzers.CodeFixes.PiiAudit;

/// <summary>One audit call to insert: before <see cref="Anchor"/> (a statement), or as the first statement of a converted expression-bodied method.</summary>
internal sealed class AuditCallPlan
{
    public AuditCallPlan(SyntaxNode anchor, bool convertsBody, ExpressionStatementSyntax call, ProjectHelperClass? helperToAdd)
    {
        Anchor = anchor;
        ConvertsBody = convertsBody;
        Call = call;
        HelperToAdd = helperToAdd;
    }

    public SyntaxNode Anchor { get; }

    /// <summary>True when <see cref="Anchor"/> is an expression-bodied method or local function that gets a block body.</summary>
    public bool ConvertsBody { get; }

    public ExpressionStatementSyntax Call { get; }

    /// <summary>The PiiAuditLog class to append to the fixed file, or null when the project already has one.</summary>
    public ProjectHelperClass? HelperToAdd { get; }
}
