using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// The primary-constructor parameters the source declares (C# 12 classes and structs, positional records): the only
/// parameters that can hold personal data as state. Without one, parameter references (a callback for every use of
/// every parameter in the project) need no listening; their names are what the classifier looks for. Only namespace
/// and type declarations are walked, never member bodies, and each file once: the names are kept per syntax tree, so
/// after an edit only the edited file is walked again.
/// </summary>
internal static class PrimaryConstructors
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ImmutableArray<string>>> NamesByTree = new();

    public static bool AnyDeclaredIn(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!ParameterNamesIn(tree, cancellationToken).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the primary-constructor parameters declared in <paramref name="tree"/>, nested types included.</summary>
    public static ImmutableArray<string> ParameterNamesIn(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (NamesByTree.TryGetValue(tree, out var known))
        {
            return known.Value;
        }

        var names = Walk(tree, cancellationToken);
        return NamesByTree.GetValue(tree, _ => new StrongBox<ImmutableArray<string>>(names)).Value;
    }

    private static ImmutableArray<string> Walk(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
        {
            return ImmutableArray<string>.Empty;
        }

        ImmutableArray<string>.Builder? names = null;
        var pending = new Stack<SyntaxList<MemberDeclarationSyntax>>();
        pending.Push(unit.Members);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop())
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        pending.Push(ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        if (type.ParameterList is { } parameters)
                        {
                            foreach (var parameter in parameters.Parameters)
                            {
                                (names ??= ImmutableArray.CreateBuilder<string>()).Add(parameter.Identifier.ValueText);
                            }
                        }

                        pending.Push(type.Members);
                        break;
                }
            }
        }

        return names?.ToImmutable() ?? ImmutableArray<string>.Empty;
    }
}
