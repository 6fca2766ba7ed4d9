using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.CodeFixes.Internal;

/// <summary>
/// A static helper class a fix adds once per project. It is appended to the first fixed file (inside its file-scoped
/// namespace, else in the global namespace): a separate new file would make MSBuildWorkspace, and so
/// <c>dotnet format</c>, add a duplicate Compile item to SDK-style projects.
/// </summary>
internal sealed class ProjectHelperClass
{
    public ProjectHelperClass(string typeName, string memberName, string classSource)
    {
        TypeName = typeName;
        MemberName = memberName;
        ClassSource = classSource;
    }

    public string TypeName { get; }

    /// <summary>A member that identifies an existing helper of the same name as ours.</summary>
    public string MemberName { get; }

    public string ClassSource { get; }

    /// <summary>The namespace ("" for global) of a helper the project already has, or null when there is none.</summary>
    public string? FindExisting(Compilation compilation)
    {
        var existing = FindExistingType(compilation);
        return existing is null ? null : NamespaceOf(existing);
    }

    /// <summary>The helper's namespace as <see cref="NameAt"/> takes it: "" for the global namespace.</summary>
    public static string NamespaceOf(INamedTypeSymbol helper) =>
        helper.ContainingNamespace.IsGlobalNamespace ? string.Empty : helper.ContainingNamespace.ToDisplayString();

    /// <summary>The helper the project already has (in any namespace), or null; the first by name when there are several.</summary>
    public INamedTypeSymbol? FindExistingType(Compilation compilation) =>
        compilation.GetSymbolsWithName(TypeName, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetMembers(MemberName).Length > 0)
            .OrderBy(t => t.ToDisplayString(), System.StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The namespace the helper gets when added to <paramref name="root"/>.</summary>
    public static string NamespaceFor(CompilationUnitSyntax root) =>
        root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? string.Empty;

    public CompilationUnitSyntax AddTo(CompilationUnitSyntax root)
    {
        var helper = SyntaxFactory.ParseMemberDeclaration(ClassSource)!;
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToString() : "\n";
        helper = helper.WithLeadingTrivia(SyntaxFactory.ParseLeadingTrivia(newLine).AddRange(helper.GetLeadingTrivia()));
        if (root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault() is { } fileScoped)
        {
            return root.ReplaceNode(fileScoped, fileScoped.AddMembers(helper));
        }

        return root.AddMembers(helper);
    }

    /// <summary>How a call site refers to the helper: the short name when its namespace encloses the site.</summary>
    public string NameAt(SemanticModel model, int position, string helperNamespace)
    {
        if (helperNamespace.Length == 0)
        {
            return TypeName;
        }

        for (var ns = model.GetEnclosingSymbol(position)?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.ToDisplayString() == helperNamespace)
            {
                return TypeName;
            }
        }

        return helperNamespace + "." + TypeName;
    }
}
