using System;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>
/// The files this package's generator adds to the compilation. Their constants quote the requirements file (control
/// names, requirements, parameters, banned patterns), so text checks would otherwise match the policy against itself:
/// a banned pattern would report the attestation that records it, and an OAuth control's <c>code_challenge_method</c>
/// parameter would look like a constant that names an OAuth parameter.
/// </summary>
internal static class OwnGeneratedFiles
{
    /// <summary>A generated tree's path ends with the generator's full type name and the hint name.</summary>
    private const string GeneratorFolder = "SecurityRequirements.Analyzers.Generators." + nameof(AttestationGenerator);

    public static bool Contains(SyntaxTree tree) =>
        EndsWith(tree.FilePath, AttestationGenerator.HintName) || EndsWith(tree.FilePath, AttestationGenerator.BriefHintName);

    private static bool EndsWith(string path, string hintName)
    {
        var separator = path.Length - hintName.Length - 1;
        var folderStart = separator - GeneratorFolder.Length;
        return folderStart >= 0
            && path.EndsWith(hintName, StringComparison.Ordinal)
            && path[separator] is '/' or '\\'
            && string.CompareOrdinal(path, folderStart, GeneratorFolder, 0, GeneratorFolder.Length) == 0
            && (folderStart == 0 || path[folderStart - 1] is '/' or '\\');
    }
}
