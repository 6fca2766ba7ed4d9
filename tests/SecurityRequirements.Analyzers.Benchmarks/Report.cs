using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>Turns the medians into the markdown tables of docs/performance.md and checks the targets of issue 9.</summary>
internal sealed record Report(string Markdown, bool Crashed)
{
    private const string Ours = "ours";
    private const string Scs = "SecurityCodeScan";
    private const string NetSecurity = "NetAnalyzers-security";
    private const string NetCrypto = "NetAnalyzers-crypto";

    public static Report Write(IReadOnlyList<SizeResult> results, IReadOnlyList<string> tools, int runs, int seed, int yamlParses, string references, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        var peers = tools.Where(t => t != Ours).ToList();
        md.AppendLine("## Figures");
        md.AppendLine();
        md.AppendLine(Invariant($"Median of {runs} run(s) per size, seed {seed}; {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}; references: {references}. Total harness time {elapsed.TotalSeconds:F0} s."));
        md.AppendLine();
        md.AppendLine("Analyzer columns are the analyzers' own execution time from `GetAnalyzerTelemetryInfoAsync` (concurrentAnalysis off); compile is `GetDiagnostics()` on a fresh single-threaded compilation.");
        md.AppendLine();

        md.Append("| Lines | Files | Compile (ms) | Ours (ms) |");
        foreach (var peer in peers)
        {
            md.Append(Invariant($" {peer} (ms) |"));
        }

        md.AppendLine(" Generator first run (ms) |");
        md.Append("|---:|---:|---:|---:|");
        md.Append(string.Concat(peers.Select(_ => "---:|")));
        md.AppendLine("---:|");
        foreach (var r in results)
        {
            md.Append(Invariant($"| {r.Lines:N0} | {r.Files} | {r.Compile.WallMs:F0} | {r.Tools[Ours].AnalyzerMs:F1} |"));
            foreach (var peer in peers)
            {
                md.Append(Invariant($" {r.Tools[peer].AnalyzerMs:F0} |"));
            }

            md.AppendLine(Invariant($" {r.Generator.FirstMs:F1} |"));
        }

        md.AppendLine();
        md.AppendLine("### Ratios");
        md.AppendLine();
        md.Append("| Lines | Ours / compile | (Ours + generator) / compile | Largest single analyzer / compile |");
        foreach (var peer in peers)
        {
            md.Append(Invariant($" Ours / {peer} | {peer} / compile |"));
        }

        md.AppendLine();
        md.Append("|---:|---:|---:|---|");
        md.AppendLine(string.Concat(peers.Select(_ => "---:|---:|")));
        foreach (var r in results)
        {
            var ours = r.Tools[Ours];
            var top = ours.PerAnalyzerMs.OrderByDescending(p => p.Value).First();
            md.Append(Invariant($"| {r.Lines:N0} | {Percent(ours.AnalyzerMs / r.Compile.WallMs)} | {Percent((ours.AnalyzerMs + r.Generator.FirstMs) / r.Compile.WallMs)} | {Percent(top.Value / r.Compile.WallMs)} ({top.Key}) |"));
            foreach (var peer in peers)
            {
                var p = r.Tools[peer];
                md.Append(Invariant($" {Ratio(ours.AnalyzerMs, p.AnalyzerMs)} | {Percent(p.AnalyzerMs / r.Compile.WallMs)} |"));
            }

            md.AppendLine();
        }

        md.AppendLine();
        md.AppendLine("### Cost per 1,000 lines (ms) and linearity");
        md.AppendLine();
        md.Append("| Lines | Compile | Ours |");
        md.Append(string.Concat(peers.Select(p => $" {p} |")));
        md.AppendLine();
        md.Append("|---:|---:|---:|");
        md.AppendLine(string.Concat(peers.Select(_ => "---:|")));
        foreach (var r in results)
        {
            md.Append(Invariant($"| {r.Lines:N0} | {PerK(r.Compile.WallMs, r):F2} | {PerK(r.Tools[Ours].AnalyzerMs, r):F3} |"));
            md.Append(string.Concat(peers.Select(p => Invariant($" {PerK(r.Tools[p].AnalyzerMs, r):F2} |"))));
            md.AppendLine();
        }

        md.AppendLine();
        md.AppendLine("### Allocations (MB)");
        md.AppendLine();
        md.AppendLine("Each analyzer column is the whole `CompilationWithAnalyzers` run, which binds the compilation again; the part the analyzers add is that figure minus compile.");
        md.AppendLine();
        md.Append("| Lines | Compile | Ours run (added) |");
        md.Append(string.Concat(peers.Select(p => $" {p} run (added) |")));
        md.AppendLine(" Generator first run |");
        md.Append("|---:|---:|---:|");
        md.Append(string.Concat(peers.Select(_ => "---:|")));
        md.AppendLine("---:|");
        foreach (var r in results)
        {
            md.Append(Invariant($"| {r.Lines:N0} | {Mb(r.Compile.AllocatedBytes)} | {Mb(r.Tools[Ours].AllocatedBytes)} ({Mb(r.Tools[Ours].AllocatedBytes - r.Compile.AllocatedBytes)}) |"));
            md.Append(string.Concat(peers.Select(p => Invariant($" {Mb(r.Tools[p].AllocatedBytes)} ({Mb(r.Tools[p].AllocatedBytes - r.Compile.AllocatedBytes)}) |"))));
            md.AppendLine(Invariant($" {Mb(r.Generator.FirstAllocatedBytes)} |"));
        }

        md.AppendLine();
        md.AppendLine("### Attestation generator");
        md.AppendLine();
        md.AppendLine("| Lines | First run (ms) | After a one-line C# edit (ms) | All steps Cached/Unchanged | After a YAML edit (ms) | YAML step Modified |");
        md.AppendLine("|---:|---:|---:|---|---:|---|");
        foreach (var r in results)
        {
            var g = r.Generator;
            md.AppendLine(Invariant($"| {r.Lines:N0} | {g.FirstMs:F1} | {g.CSharpEditMs:F1} | {(g.CSharpEditAllCached ? "yes" : "no: " + g.Note)} | {g.YamlEditMs:F1} | {(g.YamlEditReparsed ? "yes" : "no")} |"));
        }

        var largest = results[^1];
        md.AppendLine();
        md.AppendLine(Invariant($"### Our analyzers one by one at {largest.Lines:N0} lines"));
        md.AppendLine();
        md.AppendLine("| Analyzer | Time (ms) | Share of compile |");
        md.AppendLine("|---|---:|---:|");
        foreach (var (name, ms) in largest.Tools[Ours].PerAnalyzerMs.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {name} | {ms:F1} | {Percent(ms / largest.Compile.WallMs)} |"));
        }

        md.AppendLine();
        md.AppendLine("### Findings and exceptions (sanity: every tool ran and found something)");
        md.AppendLine();
        md.AppendLine("| Lines | " + string.Join(" | ", tools) + " |");
        md.AppendLine("|---:|" + string.Concat(tools.Select(_ => "---:|")));
        foreach (var r in results)
        {
            md.AppendLine(Invariant($"| {r.Lines:N0} | ") + string.Join(" | ", tools.Select(t => Invariant($"{r.Tools[t].Diagnostics} findings, {r.Tools[t].Exceptions} exceptions"))) + " |");
        }

        md.AppendLine();
        md.AppendLine(Invariant($"YAML parses for two compilations (before and after a C# edit) sharing one YAML text: {yamlParses}."));
        md.AppendLine();

        var crashed = results.Any(r => r.Tools[Ours].Exceptions > 0 || r.Compile.Note.Length > 0 || r.Generator.Note.StartsWith("first run", StringComparison.Ordinal));
        md.AppendLine("### Targets (issue 9)");
        md.AppendLine();
        var first = results[0];
        Target(md, "Ours + generator <= 2 % of compile at every size", results.All(r => (r.Tools[Ours].AnalyzerMs + r.Generator.FirstMs) / r.Compile.WallMs <= 0.02),
            string.Join(", ", results.Select(r => Percent((r.Tools[Ours].AnalyzerMs + r.Generator.FirstMs) / r.Compile.WallMs))));
        Target(md, "No single analyzer above 1 % of compile", results.All(r => r.Tools[Ours].PerAnalyzerMs.Values.Max() / r.Compile.WallMs <= 0.01),
            string.Join(", ", results.Select(r => Percent(r.Tools[Ours].PerAnalyzerMs.Values.Max() / r.Compile.WallMs))));
        if (tools.Contains(Scs))
        {
            Target(md, ">= 100x cheaper per 1k lines than SecurityCodeScan", results.All(r => r.Tools[Scs].AnalyzerMs >= 100 * r.Tools[Ours].AnalyzerMs),
                string.Join(", ", results.Select(r => Invariant($"{r.Tools[Scs].AnalyzerMs / r.Tools[Ours].AnalyzerMs:F0}x"))));
        }

        if (tools.Contains(NetCrypto))
        {
            Target(md, "Cheaper than NetAnalyzers' crypto rules alone", results.All(r => r.Tools[NetCrypto].AnalyzerMs > r.Tools[Ours].AnalyzerMs),
                string.Join(", ", results.Select(r => Invariant($"ours {r.Tools[Ours].AnalyzerMs / r.Tools[NetCrypto].AnalyzerMs:F1}x of theirs"))));
        }

        Target(md, "Generator <= 0.1 s (first run)", results.All(r => r.Generator.FirstMs <= 100),
            string.Join(", ", results.Select(r => Invariant($"{r.Generator.FirstMs:F0} ms"))));
        Target(md, "Generator steps all cached on an unrelated C# edit", results.All(r => r.Generator.CSharpEditAllCached), string.Empty);
        if (results.Count > 1)
        {
            var growth = PerK(largest.Tools[Ours].AnalyzerMs, largest) / PerK(first.Tools[Ours].AnalyzerMs, first);
            Target(md, Invariant($"Per-1k-line cost at {largest.Lines:N0} within 1.3x of {first.Lines:N0}"), growth <= 1.3, Invariant($"{growth:F2}x"));
        }

        Target(md, "YAML parsed once per distinct text across compilations", yamlParses == 1, Invariant($"{yamlParses} parse(s)"));
        return new Report(md.ToString(), crashed);
    }

    private static void Target(StringBuilder md, string name, bool met, string figures) =>
        md.AppendLine(Invariant($"- [{(met ? "x" : " ")}] {name}{(figures.Length > 0 ? ": " + figures : string.Empty)}"));

    private static double PerK(double ms, SizeResult r) => ms * 1000 / r.Lines;

    private static string Percent(double value) => Invariant($"{value * 100:F2} %");

    /// <summary>"1/56" when ours is 56 times cheaper; "1.2x" when ours costs 1.2 times as much (a cheaper peer, or the empty floor analyzer).</summary>
    private static string Ratio(double ours, double peer) =>
        peer <= 0 ? "n/a" : peer >= ours ? Invariant($"1/{peer / Math.Max(ours, 0.001):F0}") : Invariant($"{ours / peer:F1}x");

    private static string Mb(long bytes) => Invariant($"{bytes / (1024.0 * 1024):F1}");

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
