using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Brief;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
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
        var files = new List<KeyValuePair<string, SourceText?>>();
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

            var text = SourceText.From(yaml);
            var document = RequirementsParser.Parse(text);
            foreach (var error in document.Errors)
            {
                // The build reports these as SRA00xx diagnostics; the brief is still written from what parsed.
                Console.Error.WriteLine(error.ToDiagnostic(yamlPath).ToString());
            }

            files.Add(new KeyValuePair<string, SourceText?>(Path.GetFullPath(yamlPath), text));
        }

        // The brief depends on the requirements alone, not on a date: waivers are listed as the file states them.
        var policy = ResolvedPolicy.Resolve(files, namedFileProblem: null, EffectiveDate.Unknown, RequirementsParser.Parse);
        var brief = RequirementsBriefWriter.Write(policy, RuleCatalog.RulesFor);
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
