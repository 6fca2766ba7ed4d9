using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Brief;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Attestation;
using SecurityRequirements.Tool.CommandLine;

namespace SecurityRequirements.Tool.Commands;

/// <summary>
/// <c>sra brief [&lt;security_requirements.yaml&gt;...]</c>: the requirements brief of the requirements files,
/// written by the same code as the package's SecurityRequirementsBrief target, so both give the same text.
/// </summary>
internal sealed class BriefCommand : ToolCommand
{
    private const string Out = "--out";
    private const string Print = "--print";

    public override string Name => "brief";

    public override string Summary => "Write the requirements brief (for people and AI coding agents) of a security_requirements.yaml.";

    public override string ArgumentsSynopsis => "[<security_requirements.yaml>...]";

    public override int MaxArguments => int.MaxValue;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Out, "dir", $"folder for {AttestationKeys.BriefFileName} (default: the current folder)"),
        new(Print, null, "write the brief to standard output instead"),
    ];

    public override string Details => """
        With several files, they are merged as the build merges them (path order, the first definition of an
        id wins); with none, the brief is of the package's built-in baseline. The text is the same as
        `dotnet build -t:SecurityRequirementsBrief` writes. Problems in a file are printed as the build's
        SRA00xx diagnostics; the brief is still written from what parsed.

        Exit codes: 0 written, 1 usage, 2 a file cannot be read.
        """;

    public override async Task<int> RunAsync(ParsedArguments arguments, ToolConsole console, CancellationToken cancellationToken)
    {
        var files = new List<KeyValuePair<string, SourceText?>>();
        foreach (var yamlPath in arguments.Positionals)
        {
            string yaml;
            try
            {
                yaml = await File.ReadAllTextAsync(yamlPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"sra brief: cannot read '{yamlPath}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreadable;
            }

            var text = SourceText.From(yaml);
            var document = RequirementsParser.Parse(text);
            foreach (var error in document.Errors)
            {
                // The build reports these as SRA00xx diagnostics; the brief is still written from what parsed.
                await console.Error.WriteLineAsync(error.ToDiagnostic(yamlPath).ToString()).ConfigureAwait(false);
            }

            files.Add(new KeyValuePair<string, SourceText?>(Path.GetFullPath(yamlPath), text));
        }

        // The brief depends on the requirements alone, not on a date: waivers are listed as the files state them.
        var policy = ResolvedPolicy.Resolve(files, namedFileProblem: null, EffectiveDate.Unknown, RequirementsParser.Parse);
        var brief = RequirementsBriefWriter.Write(policy, RuleCatalog.RulesFor);
        if (arguments.Has(Print))
        {
            console.WriteExact(brief);
            return ExitCodes.Success;
        }

        var path = Path.Combine(Path.GetFullPath(arguments.Value(Out) ?? Directory.GetCurrentDirectory()), AttestationKeys.BriefFileName);
        EvidenceFiles.Write(path, brief);
        await console.Out.WriteLineAsync(path).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
