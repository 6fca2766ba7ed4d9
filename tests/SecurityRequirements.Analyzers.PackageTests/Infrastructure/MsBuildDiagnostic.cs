using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityRequirements.Analyzers.PackageTests.Infrastructure;

/// <summary>
/// One diagnostic as MSBuild prints it:
/// <c>path(line,col): warning|error ID: message (help link) [project]</c>.
/// Line and column are 1-based, as printed; 0 for a diagnostic without a location
/// (<c>CSC : warning CS8032: ...</c>, <c>app.csproj : warning NU1603: ...</c>).
/// </summary>
public sealed record MsBuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message, string? HelpLink)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>.+?)(?:\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\))?\s*:\s*(?<sev>warning|error|info)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[(?<proj>[^\[\]]+)\])?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    // The compiler appends the descriptor's helpLinkUri to the message.
    private static readonly Regex TrailingHelpLink = new(@"\s+\((?<link>https?://[^\s()]+)\)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public string FileName => Path.GetFileName(File);

    public static MsBuildDiagnostic? TryParse(string line)
    {
        var match = Pattern.Match(line);
        if (!match.Success)
        {
            return null;
        }

        var message = match.Groups["msg"].Value;
        string? helpLink = null;
        var link = TrailingHelpLink.Match(message);
        if (link.Success)
        {
            helpLink = link.Groups["link"].Value;
            message = message[..link.Index];
        }

        return new MsBuildDiagnostic(
            match.Groups["file"].Value,
            match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
            match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0,
            match.Groups["sev"].Value,
            match.Groups["id"].Value,
            message,
            helpLink);
    }

    /// <summary>Every diagnostic in the output, once each: MSBuild may repeat a line in its summary.</summary>
    public static IReadOnlyList<MsBuildDiagnostic> ParseAll(string output) =>
        output.Split('\n')
            .Select(line => TryParse(line.TrimEnd('\r')))
            .OfType<MsBuildDiagnostic>()
            .Distinct()
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}
