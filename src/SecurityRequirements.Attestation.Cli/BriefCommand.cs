using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Brief;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Generators;
using SecurityRequirements.Attestation.Export;

namespace SecurityRequirements.Attestation.Cli;

/// <summary>
/// <c>--brief [file] [--out folder] [--print]</c> (parsed by Program): the requirements brief of a requirements file, written by the
/// same code as the package's SecurityRequirementsBrief target, so both give the same text.
/// </summary>
internal static class BriefCommand
{
    // Exit codes: 0 written, 2 unreadable requirements file.
    public static int Run(string? yamlPath, string? outFolder, bool print)
    {
        var files = ImmutableArray<RequirementsFileModel>.Empty;
        if (yamlPath is not null)
        {
            string yaml;
            try
            {
                yaml = File.ReadAllText(yamlPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Cannot read '{yamlPath}': {e.Message}");
                return 2;
            }

            var document = RequirementsParser.Parse(SourceText.From(yaml));
            foreach (var error in document.Errors)
            {
                // The build reports these as SRA00xx diagnostics; the brief is still written from what parsed.
                Console.Error.WriteLine(error.ToDiagnostic(yamlPath).ToString());
            }

            files = ImmutableArray.Create(ManifestBuilder.ToModel(Path.GetFullPath(yamlPath), yaml, document));
        }

        var brief = RequirementsBriefWriter.Write(files, RuleCatalog.RulesFor);
        if (print)
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(AttestationFiles.Utf8.GetBytes(brief));
            return 0;
        }

        var path = Path.Combine(Path.GetFullPath(outFolder ?? Directory.GetCurrentDirectory()), AttestationFiles.BriefFileName);
        AttestationFiles.WriteBrief(brief, path);
        Console.WriteLine(path);
        return 0;
    }
}
