using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecurityRequirements.Analyzers.Generators;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>
/// Runs the package's attestation generator in this process over the project's current compilation, with the project's
/// requirements files and build properties, and reads back the manifest JSON it would embed in the assembly. Nothing
/// is built or written.
/// </summary>
internal static class AttestationRunner
{
    public static string? ManifestOf(Compilation compilation, Project project, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new AttestationGenerator().AsSourceGenerator()],
            options.AdditionalFiles,
            (CSharpParseOptions)project.ParseOptions!,
            options.AnalyzerConfigOptionsProvider);
        driver = driver.RunGenerators(compilation, cancellationToken);
        var generated = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .FirstOrDefault(s => s.HintName == AttestationGenerator.HintName);
        if (generated.SyntaxTree is null)
        {
            return null;
        }

        // The constant SecurityAttestation.Manifest holds the JSON; its literal's value is the exact text.
        return generated.SyntaxTree.GetRoot(cancellationToken)
            .DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(v => v.Identifier.ValueText == "Manifest")?
            .Initializer?.Value is LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : null;
    }
}
