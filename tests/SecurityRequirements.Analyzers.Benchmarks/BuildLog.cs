using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// What one <c>dotnet build -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary</c> log says: the Csc task's time,
/// each analyzer's and generator's time from the compiler's report, the export task's time and the compiler command line.
/// The same reading as shared/perf-kit/parse.py, so the figures compare with the issue's.
/// </summary>
internal sealed record BuildLog(
    double CscSeconds,
    IReadOnlyDictionary<string, double> AnalyzerAssemblies,
    IReadOnlyDictionary<string, double> Analyzers,
    IReadOnlyDictionary<string, double> GeneratorAssemblies,
    IReadOnlyList<int> ExportMs,
    string? CompilerCommandLine)
{
    public const string OurAssembly = "SecurityRequirements.Analyzers";

    private static readonly Regex CscTask = new(@"^\s+(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline, TimeSpan.FromSeconds(10));
    private static readonly Regex ExportTask = new(@"^\s+(\d+) ms\s+SecurityRequirementsExportAttestation\s+\d+ calls", RegexOptions.Multiline, TimeSpan.FromSeconds(10));
    private static readonly Regex Row = new(@"^\s+(<?[\d.]+)\s+<?\d+\s+(\S.*)$", RegexOptions.Multiline, TimeSpan.FromSeconds(10));
    private static readonly Regex CommandLine = new(@"^\s*(\S*/csc(?:\.exe|\.dll)?\s+/noconfig .*)$", RegexOptions.Multiline, TimeSpan.FromSeconds(10));

    /// <summary>Ours: our analyzers plus our generator, in seconds.</summary>
    public double OursSeconds => AnalyzerAssemblies.GetValueOrDefault(OurAssembly) + GeneratorAssemblies.GetValueOrDefault(OurAssembly);

    public double GeneratorSeconds => GeneratorAssemblies.GetValueOrDefault(OurAssembly);

    public static BuildLog Read(string path)
    {
        var text = File.ReadAllText(path);
        var csc = CscTask.Matches(text);
        var analyzerSection = Section(text, "Total analyzer execution time", "Total generator execution time");
        var generatorSection = Section(text, "Total generator execution time", null);
        if (generatorSection.Length > 6000)
        {
            generatorSection = generatorSection[..6000];
        }

        var assemblies = new Dictionary<string, double>(StringComparer.Ordinal);
        var analyzers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match row in Row.Matches(analyzerSection))
        {
            var name = row.Groups[2].Value.Trim();
            var seconds = Seconds(row.Groups[1].Value);
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                assemblies[name[..name.IndexOf(',', StringComparison.Ordinal)]] = seconds;
            }
            else
            {
                analyzers[ShortName(name)] = seconds;
            }
        }

        var generators = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match row in Row.Matches(generatorSection))
        {
            var name = row.Groups[2].Value.Trim();
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                generators[name[..name.IndexOf(',', StringComparison.Ordinal)]] = Seconds(row.Groups[1].Value);
            }
        }

        var commandLine = CommandLine.Match(text);
        return new BuildLog(
            csc.Count == 0 ? 0 : int.Parse(csc[^1].Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0,
            assemblies,
            analyzers,
            generators,
            ExportTask.Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList(),
            commandLine.Success ? commandLine.Groups[1].Value.Trim() : null);
    }

    /// <summary>"SecurityRequirements.Analyzers.Analyzers.Bans.BannedSymbolAnalyzer (SRA9001)" becomes "BannedSymbolAnalyzer (SRA9001)".</summary>
    private static string ShortName(string name)
    {
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        var type = paren < 0 ? name : name[..paren];
        var ids = paren < 0 ? string.Empty : name[paren..];
        if (ids.Length > 40)
        {
            ids = ids[..38] + "…)";
        }

        return type[(type.LastIndexOf('.') + 1)..] + ids;
    }

    private static double Seconds(string value) => value.StartsWith('<') ? 0.0005 : double.Parse(value, CultureInfo.InvariantCulture);

    private static string Section(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            return string.Empty;
        }

        var to = end is null ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }
}
