using System;
using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// How far a waiver reaches. A waiver that covers every file or every type of the project switches its control off,
/// so the build warns about it (SRA0021) and the attestation does not vouch for the control.
/// </summary>
internal static class WaiverReach
{
    /// <summary>True when a namespace waiver for <paramref name="scope"/> covers code declared in namespace <paramref name="name"/> ("" for the global namespace).</summary>
    public static bool NamespaceCovers(string scope, string name) =>
        scope.Length == 0
        || string.Equals(name, scope, StringComparison.Ordinal)
        || (name.Length > scope.Length && name[scope.Length] == '.' && name.StartsWith(scope, StringComparison.Ordinal));

    /// <summary>
    /// True when the waiver covers every one of the project's files (<paramref name="sourcePaths"/>, as the compiler
    /// sees them) or every namespace that declares a type (<paramref name="typeNamespaces"/>, "" for the global namespace).
    /// A project with no files or types is never covered "entirely".
    /// </summary>
    public static bool IsProjectWide(ResolvedWaiver waiver, IReadOnlyCollection<string> sourcePaths, IReadOnlyCollection<string> typeNamespaces)
    {
        var model = waiver.Waiver;
        switch (model.ScopeKind)
        {
            case WaiverScopeKind.Path:
                if (sourcePaths.Count == 0)
                {
                    return false;
                }

                foreach (var path in sourcePaths)
                {
                    if (!model.PathGlob!.IsMatch(waiver.File.RelativePathOf(path)))
                    {
                        return false;
                    }
                }

                return true;

            case WaiverScopeKind.Namespace:
                return CoversAll(model.Scope, typeNamespaces);

            case WaiverScopeKind.Symbol when model.Scope.StartsWith("N:", StringComparison.Ordinal):
                return CoversAll(model.Scope.Substring(2), typeNamespaces);

            default:
                return false;
        }
    }

    private static bool CoversAll(string scope, IReadOnlyCollection<string> typeNamespaces)
    {
        if (typeNamespaces.Count == 0)
        {
            return scope.Length == 0;
        }

        foreach (var name in typeNamespaces)
        {
            if (!NamespaceCovers(scope, name))
            {
                return false;
            }
        }

        return true;
    }
}
