using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// The <c>--diagnostics</c> mode: reads the compiler's SARIF 2.1 logs of a built tree (written by
/// docs/real-code/collect.sh, or by any build with <c>-p:ErrorLog=file.sarif,version=2.1</c>) and prints our
/// diagnostics per rule, then every one of them, for reading and labelling. A diagnostic seen in several
/// projects or target frameworks (a shared or linked file) is counted once.
/// </summary>
internal static class RealCodeDiagnostics
{
    private const string Usage = "Usage: --diagnostics <folder of .sarif logs> [--root <folder: paths are shown relative to it; findings and source lines outside it are left out>] [--prefix SRA] [--out file.md] [--tsv file.tsv]";

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var folder = args[0];
        string? root = null, outPath = null, tsvPath = null;
        var prefix = "SRA";
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Length:
                    root = Path.GetFullPath(args[++i]);
                    break;
                case "--prefix" when i + 1 < args.Length:
                    prefix = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    outPath = args[++i];
                    break;
                case "--tsv" when i + 1 < args.Length:
                    tsvPath = args[++i];
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var logs = Directory.GetFiles(folder, "*.sarif").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var found = new SortedSet<Finding>();
        var suppressed = new SortedSet<Finding>();
        var crashes = new SortedSet<Finding>();
        foreach (var log in logs)
        {
            Read(log, prefix, root, found, suppressed, crashes);
        }

        var (files, lines) = CountSources(folder, root);
        var md = Write(folder, logs.Count, files, lines, found, suppressed, crashes);
        Console.WriteLine(md);
        if (outPath is not null)
        {
            File.WriteAllText(outPath, md);
        }

        if (tsvPath is not null)
        {
            var tsv = new StringBuilder("rule\tfile\tline\tcolumn\tmessage\tverdict\tnote\n");
            foreach (var f in found)
            {
                tsv.Append(CultureInfo.InvariantCulture, $"{f.Rule}\t{f.File}\t{f.Line}\t{f.Column}\t{f.Message.Replace('\t', ' ')}\t\t\n");
            }

            File.WriteAllText(tsvPath, tsv.ToString());
        }

        // AD0001 from one of our analyzers is a crash: fail so that a rerun cannot miss it.
        return crashes.Count > 0 ? 1 : 0;
    }

    private static void Read(string path, string prefix, string? root, ISet<Finding> found, ISet<Finding> suppressed, ISet<Finding> crashes)
    {
        JsonDocument document;
        try
        {
            // The compiler leaves a log unfinished when the build is cancelled; such a log is skipped, not fatal.
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"Skipped {path}: {e.Message}");
            return;
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("runs", out var runs))
            {
                return;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var rule = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                    var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";
                    var isCrash = rule == "AD0001" && message.Contains("SecurityRequirements", StringComparison.Ordinal);
                    if (!isCrash && !rule.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var (file, line, column) = Location(result, root);
                    if (root is not null && file.StartsWith("../", StringComparison.Ordinal))
                    {
                        // Code outside the tree measured (a stub or a dependency built from source alongside it).
                        continue;
                    }

                    var finding = new Finding(rule, file, line, column, message);
                    if (isCrash)
                    {
                        crashes.Add(finding);
                    }
                    else if (result.TryGetProperty("suppressions", out var s) && s.GetArrayLength() > 0)
                    {
                        suppressed.Add(finding);
                    }
                    else
                    {
                        found.Add(finding);
                    }
                }
            }
        }
    }

    private static (string File, int Line, int Column) Location(JsonElement result, string? root)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0
            || !locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            return ("(no location)", 0, 0);
        }

        var uri = physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var u) ? u.GetString() ?? "" : "";
        var file = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;
        if (root is not null && Path.IsPathFullyQualified(file))
        {
            file = Path.GetRelativePath(root, file);
        }

        var line = 0;
        var column = 0;
        if (physical.TryGetProperty("region", out var region))
        {
            line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
            column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
        }

        return (file.Replace('\\', '/'), line, column);
    }

    /// <summary>
    /// Lines of the C# files the compilations read, from the <c>.sources</c> lists real-code.targets writes; files
    /// under obj/ (generated) and, when a root is given, files outside it (stubs, shared checkouts) are left out.
    /// </summary>
    private static (int Files, long Lines) CountSources(string folder, string? root)
    {
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var list in Directory.GetFiles(folder, "*.sources"))
        {
            foreach (var line in File.ReadLines(list))
            {
                var file = line.Trim().Replace('\\', '/');
                if (file.Length > 0 && !file.Contains("/obj/", StringComparison.Ordinal) && File.Exists(file)
                    && (root is null || Path.GetFullPath(file).StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal)))
                {
                    sources.Add(file);
                }
            }
        }

        long lines = 0;
        foreach (var file in sources)
        {
            lines += File.ReadLines(file).LongCount();
        }

        return (sources.Count, lines);
    }

    private static string Write(string folder, int logs, int files, long lines, SortedSet<Finding> found, SortedSet<Finding> suppressed, SortedSet<Finding> crashes)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Diagnostics in {folder}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{logs} compiler logs; {files:N0} C# files, {lines:N0} lines (generated files under obj/ not counted); {found.Count} diagnostics, {suppressed.Count} suppressed in source, {crashes.Count} analyzer crashes.");
        md.AppendLine();
        md.AppendLine("| Rule | Diagnostics | Files | Per 100k lines |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var group in found.GroupBy(f => f.Rule))
        {
            var per100k = lines == 0 ? 0 : group.Count() * 100_000.0 / lines;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Select(f => f.File).Distinct().Count()} | {per100k:F1} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| all | {found.Count} | {found.Select(f => f.File).Distinct().Count()} | {(lines == 0 ? 0 : found.Count * 100_000.0 / lines):F1} |");
        foreach (var (title, set) in new[] { ("Analyzer crashes (AD0001)", crashes), ("Diagnostics", found), ("Suppressed in source", suppressed) })
        {
            if (set.Count == 0)
            {
                continue;
            }

            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            foreach (var group in set.GroupBy(f => f.Rule))
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"### {group.Key} ({group.Count()})");
                md.AppendLine();
                foreach (var f in group)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- `{f.File}:{f.Line}:{f.Column}` {f.Message}");
                }
            }
        }

        return md.ToString();
    }

    private sealed record Finding(string Rule, string File, int Line, int Column, string Message) : IComparable<Finding>
    {
        public int CompareTo(Finding? other)
        {
            if (other is null)
            {
                return 1;
            }

            var c = string.CompareOrdinal(Rule, other.Rule);
            c = c != 0 ? c : string.CompareOrdinal(File, other.File);
            c = c != 0 ? c : Line.CompareTo(other.Line);
            c = c != 0 ? c : Column.CompareTo(other.Column);
            return c != 0 ? c : string.CompareOrdinal(Message, other.Message);
        }
    }
}
