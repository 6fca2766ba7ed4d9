using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>The severity a control's diagnostics are reported at; <c>none</c> reports nothing.</summary>
internal enum ControlSeverity
{
    Warning,
    Error,
    Info,
    None,
}

internal static class ControlSeverityExtensions
{
    public static bool TryParse(string text, out ControlSeverity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error":
                severity = ControlSeverity.Error;
                return true;
            case "warning":
                severity = ControlSeverity.Warning;
                return true;
            case "info":
                severity = ControlSeverity.Info;
                return true;
            case "none":
                severity = ControlSeverity.None;
                return true;
            default:
                severity = ControlSeverity.Warning;
                return false;
        }
    }

    public static DiagnosticSeverity ToDiagnosticSeverity(this ControlSeverity severity) => severity switch
    {
        ControlSeverity.Error => DiagnosticSeverity.Error,
        ControlSeverity.Info => DiagnosticSeverity.Info,
        ControlSeverity.None => DiagnosticSeverity.Hidden,
        _ => DiagnosticSeverity.Warning,
    };

    public static string ToName(this ControlSeverity severity) => severity switch
    {
        ControlSeverity.Error => "error",
        ControlSeverity.Info => "info",
        ControlSeverity.None => "none",
        _ => "warning",
    };
}
