using SecurityRequirements.Attestation.Cli;
using SecurityRequirements.Attestation.Export;

// Exit codes: 0 written, 1 usage, 2 unreadable assembly, 3 no attestation, 4 manifest does not match its recorded hash.
const string Usage = """
    Extracts the security attestation from a built assembly (the assembly is read, never loaded).

    Usage: SecurityRequirements.Attestation.Cli <assembly.dll> [--out <folder>] [--print]
           SecurityRequirements.Attestation.Cli --brief [<security_requirements.yaml>] [--out <folder>] [--print]

      --out <folder>  where to write <name>.security-attestation.json and .html, or security-requirements.brief.md
                      (default: current folder)
      --print         write the manifest JSON (or the brief) to standard output instead of files
      --brief         write the requirements brief of a requirements file (the package's baseline without one),
                      the same text as `dotnet build -t:SecurityRequirementsBrief`
    """;

string? assemblyPath = null;
string? outFolder = null;
var print = false;
var brief = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            outFolder = args[++i];
            break;
        case "--print":
            print = true;
            break;
        case "--brief":
            brief = true;
            break;
        case "-h" or "--help" or "-?":
            Console.WriteLine(Usage);
            return 0;
        default:
            if (assemblyPath is not null || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Unexpected argument '{args[i]}'.\n\n{Usage}");
                return 1;
            }

            assemblyPath = args[i];
            break;
    }
}

if (brief)
{
    // The positional argument is the requirements file here; without one the baseline is briefed.
    return BriefCommand.Run(assemblyPath, outFolder, print);
}

if (assemblyPath is null)
{
    Console.Error.WriteLine(Usage);
    return 1;
}

(string? Manifest, string? Sha256) entries;
try
{
    entries = AttestationReader.Read(assemblyPath);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
{
    Console.Error.WriteLine($"Cannot read '{assemblyPath}': {e.Message}");
    return 2;
}

if (entries.Manifest is null)
{
    Console.Error.WriteLine($"'{assemblyPath}' carries no security attestation: it was not built with SecurityRequirements.Analyzers, or the generator did not run.");
    return 3;
}

if (AttestationFiles.Verify(entries.Manifest, entries.Sha256) is { } mismatch)
{
    Console.Error.WriteLine($"The attestation in '{assemblyPath}' is not intact: {mismatch}.");
    return 4;
}

if (print)
{
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(AttestationFiles.Utf8.GetBytes(entries.Manifest));
    return 0;
}

var name = Path.GetFileNameWithoutExtension(assemblyPath);
var folder = Path.GetFullPath(outFolder ?? Directory.GetCurrentDirectory());
var json = Path.Combine(folder, name + ".security-attestation.json");
var html = Path.Combine(folder, name + ".security-attestation.html");
AttestationFiles.Write(entries.Manifest, json, html);
Console.WriteLine(json);
Console.WriteLine(html);
return 0;
