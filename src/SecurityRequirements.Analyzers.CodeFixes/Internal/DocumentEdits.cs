using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>
/// The edits of every fixed site in one document, applied in three phases: replacements first, then all removed
/// statements at once (so a comment never moves onto a statement another site removes), then structural edits that
/// move statements (so they move what is left).
/// </summary>
internal sealed class DocumentEdits
{
    private readonly List<StatementSyntax> _removed = new();
    private readonly List<Action<SyntaxEditor>> _last = new();

    public DocumentEdits(SyntaxEditor editor)
    {
        Editor = editor;
    }

    public SyntaxEditor Editor { get; }

    public void Remove(StatementSyntax statement) => _removed.Add(statement);

    public void Last(Action<SyntaxEditor> edit) => _last.Add(edit);

    public void Complete()
    {
        StatementRemoval.Remove(Editor, _removed);
        foreach (var edit in _last)
        {
            edit(Editor);
        }
    }
}
