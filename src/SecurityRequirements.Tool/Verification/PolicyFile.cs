using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Attestation;

namespace SecurityRequirements.Tool.Verification;

/// <summary>
/// A requirements file as verify needs it: the SHA-256 the build would attest (of its text, as the
/// compiler reads it) and each control's severity as the YAML declares it, parsed by the analyzer's
/// own parser so that verify and the build read the file the same way.
/// </summary>
internal sealed record PolicyFile(string Path, string Sha256, IReadOnlyList<(string Id, string Severity)> Controls)
{
    public static PolicyFile Read(string path)
    {
        // Like the compiler: UTF-8 unless a BOM says otherwise, BOM not part of the text.
        var text = File.ReadAllText(path);
        var policy = ResolvedPolicy.Resolve(
            [new KeyValuePair<string, SourceText?>(System.IO.Path.GetFullPath(path), SourceText.From(text))],
            namedFileProblem: null,
            EffectiveDate.Unknown,
            RequirementsParser.Parse);
        return new PolicyFile(path, Sha256Hex.OfText(text), policy.Controls.Select(c => (c.Id, c.Severity.ToName())).ToList());
    }
}
