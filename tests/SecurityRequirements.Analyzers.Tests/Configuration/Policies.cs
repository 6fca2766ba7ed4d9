using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Tests.Configuration;

/// <summary>Resolved policies for tests that need one without a compilation.</summary>
internal static class Policies
{
    public static ResolvedPolicy FromYaml(string yaml, string path = "/src/app/security_requirements.yaml", string? today = null) =>
        ResolvedPolicy.Resolve(
            [new KeyValuePair<string, SourceText?>(path, SourceText.From(yaml))],
            namedFileProblem: null,
            new EffectiveDate(today, Pinned: false),
            RequirementsParser.Parse);

    public static ResolvedPolicy Baseline() =>
        ResolvedPolicy.Resolve([], namedFileProblem: null, EffectiveDate.Unknown, RequirementsParser.Parse);
}
