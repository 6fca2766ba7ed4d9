using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Whether any type in the compilation's source declares a primary constructor with parameters (C# 12 classes and
/// structs, positional records): the only parameters that can hold personal data as state. Without one, parameter
/// references (a callback for every use of every parameter in the project) need no listening. Only namespace and type
/// declarations are walked, never member bodies.
/// </summary>
internal static class PrimaryConstructors
{
    public static bool AnyDeclaredIn(Compilation compilation, CancellationToken cancellationToken)
    {
        var pending = new Stack<SyntaxList<MemberDeclarationSyntax>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
            {
                continue;
            }

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
                            if (type.ParameterList is { Parameters.Count: > 0 })
                            {
                                return true;
                            }

                            pending.Push(type.Members);
                            break;
                    }
                }
            }
        }

        return false;
    }
}
