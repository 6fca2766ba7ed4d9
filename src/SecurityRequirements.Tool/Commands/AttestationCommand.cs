using SecurityRequirements.Attestation;
using SecurityRequirements.Tool.CommandLine;

namespace SecurityRequirements.Tool.Commands;

/// <summary>
/// <c>sra attestation &lt;assembly&gt;</c>: the attestation of a built assembly as the build writes it
/// (JSON and HTML, the same bytes) or as an in-toto v1 Statement. The assembly is read, never loaded.
/// </summary>
internal sealed class AttestationCommand : ToolCommand
{
    private const string Out = "--out";
    private const string Format = "--format";
    private const string Print = "--print";

    private static readonly string[] Formats = ["json", "html", "in-toto"];

    public override string Name => "attestation";

    public override string Summary => "Extract the security attestation of a built assembly: JSON, HTML report or in-toto Statement.";

    public override string ArgumentsSynopsis => "<assembly>";

    public override int MinArguments => 1;

    public override int MaxArguments => 1;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Out, "dir", "folder for the files (default: the current folder)"),
        new(Format, "json|html|in-toto", "what to write; repeat for several (default: json and html, as the build writes them)", Repeatable: true),
        new(Print, null, "write the one chosen format (default json) to standard output instead of a file"),
    ];

    public override string Details => """
        Files: <name>.security-attestation.json (the manifest plus the assembly's SHA-256),
        <name>.security-attestation.html (the report), <name>.security-attestation.intoto.json (an in-toto v1
        Statement: subject = the assembly file and its SHA-256, predicate = the manifest). The JSON and HTML are
        byte for byte what the build writes next to the assembly.

        Exit codes: 0 written, 1 usage, 2 unreadable or not a .NET assembly, 3 no attestation, 4 attestation not intact.
        """;

    public override async Task<int> RunAsync(ParsedArguments arguments, ToolConsole console, CancellationToken cancellationToken)
    {
        var formats = arguments.Values(Format).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        if (formats.FirstOrDefault(f => !Formats.Contains(f)) is { } unknown)
        {
            throw new UsageException($"unknown format '{unknown}' (json, html or in-toto).");
        }

        var print = arguments.Has(Print);
        if (print && formats.Count > 1)
        {
            throw new UsageException($"{Print} writes one format; choose it with one {Format}.");
        }

        if (formats.Count == 0)
        {
            formats = print ? ["json"] : ["json", "html"];
        }

        var assemblyPath = arguments.Positionals[0];
        var input = AssemblyInput.Read(assemblyPath);
        if (input.Problem is not null)
        {
            await console.Error.WriteLineAsync($"sra attestation: {input.Problem}.").ConfigureAwait(false);
            return input.ExitCode;
        }

        var attestation = input.Attestation!;
        var manifest = input.Manifest!;
        string Render(string format) => format switch
        {
            "json" => EvidenceJson.Write(manifest, attestation.Sha256),
            "html" => AttestationReport.Render(manifest, attestation.FileName, attestation.Sha256),
            _ => InTotoStatement.Write(manifest, attestation.FileName, attestation.Sha256),
        };

        if (print)
        {
            console.WriteExact(Render(formats[0]));
            return ExitCodes.Success;
        }

        var folder = Path.GetFullPath(arguments.Value(Out) ?? Directory.GetCurrentDirectory());
        foreach (var format in formats)
        {
            var path = format switch
            {
                "json" => EvidenceFiles.JsonPath(folder, assemblyPath),
                "html" => EvidenceFiles.HtmlPath(folder, assemblyPath),
                _ => EvidenceFiles.InTotoPath(folder, assemblyPath),
            };
            try
            {
                EvidenceFiles.Write(path, Render(format));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"sra attestation: cannot write '{path}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreadable;
            }

            await console.Out.WriteLineAsync(path).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
