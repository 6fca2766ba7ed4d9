using System;
using System.IO;
using Microsoft.CodeAnalysis.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>The embedded baseline that applies when a project has no requirements file; parsed once per process.</summary>
internal static class BaselineRequirements
{
    public const string ResourceName = "SecurityRequirements.Analyzers.baseline.security_requirements.yaml";

    private static readonly Lazy<SourceText> LazyText = new(LoadText);
    private static readonly Lazy<RequirementsDocument> LazyDocument = new(() => RequirementsParser.Parse(LazyText.Value));

    public static SourceText Text => LazyText.Value;

    public static RequirementsDocument Document => LazyDocument.Value;

    private static SourceText LoadText()
    {
        using var stream = typeof(BaselineRequirements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The baseline requirements resource is missing from the analyzer assembly.");
        using var reader = new StreamReader(stream);
        return SourceText.From(reader.ReadToEnd());
    }
}
