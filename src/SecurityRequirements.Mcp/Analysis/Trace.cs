using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SecurityRequirements.Mcp.Analysis;

/// <summary>Phase timings of a call, written to standard error when SRA_MCP_TRACE=1 (for finding where the time goes).</summary>
internal sealed class Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SRA_MCP_TRACE") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly StringBuilder _text = new();
    private double _last;
    private double _lastCpu = Cpu();

    public static bool IsEnabled => Enabled;

    public static Trace Start() => new();

    public void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var now = _watch.Elapsed.TotalMilliseconds;
        var cpu = Cpu();
        _text.Append(CultureInfo.InvariantCulture, $" {phase} {now - _last:F0} ms (cpu {cpu - _lastCpu:F0});");
        _last = now;
        _lastCpu = cpu;
    }

    private static double Cpu() => Enabled ? Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds : 0;

    public void Write(string what)
    {
        if (Enabled)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sra mcp: trace {what}:{_text} total {_watch.Elapsed.TotalMilliseconds:F0} ms"));
        }
    }
}
