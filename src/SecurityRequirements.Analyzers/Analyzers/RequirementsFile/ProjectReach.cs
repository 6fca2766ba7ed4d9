using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.RequirementsFile;

/// <summary>What a waiver would have to cover to cover the whole project: every source file path and every namespace that declares a type.</summary>
internal sealed class ProjectReach
{
    private ProjectReach(List<string> sourcePaths, HashSet<string> typeNamespaces)
    {
        SourcePaths = sourcePaths;
        TypeNamespaces = typeNamespaces;
    }

    public IReadOnlyCollection<string> SourcePaths { get; }

    /// <summary>Namespaces (by display name; "" for the global namespace) that directly declare a source type.</summary>
    public IReadOnlyCollection<string> TypeNamespaces { get; }

    public static ProjectReach Of(Compilation compilation)
    {
        var paths = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            paths.Add(tree.FilePath);
        }

        var namespaces = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<INamespaceSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var ns = pending.Pop();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol nested)
                {
                    pending.Push(nested);
                }
                else if (member.Kind == SymbolKind.NamedType && !member.IsImplicitlyDeclared)
                {
                    namespaces.Add(ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString());
                }
            }
        }

        return new ProjectReach(paths, namespaces);
    }
}
