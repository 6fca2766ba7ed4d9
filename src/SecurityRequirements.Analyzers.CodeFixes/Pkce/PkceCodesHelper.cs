using SecurityRequirements.Analyzers.CodeFixes.Internal;
using SecurityRequirements.Analyzers.Prescriptions;

namespace SecurityRequirements.Analyzers.CodeFixes.Pkce;

/// <summary>The PKCE helper the SRA2005 fix adds once per project: the prescribed <see cref="PkcePrescription"/> class.</summary>
internal static class PkceCodesHelper
{
    public const string TypeName = PkcePrescription.TypeName;

    public const string ClassSource = PkcePrescription.ClassSource;

    public static readonly ProjectHelperClass Helper = new(TypeName, "CreateChallenge", ClassSource);
}
