using System.ComponentModel;

namespace SecurityRequirements.Mcp.Tools;

/// <summary>One SRA diagnostic as a build of the project would report it.</summary>
internal sealed record SraDiagnosticEntry(
    [property: Description("The rule id, e.g. SRA1001.")] string Id,
    [property: Description("The id of the control in security_requirements.yaml that the rule enforces here, e.g. SEC-001.")] string Control,
    [property: Description("error, warning or info: the effective severity in this project (the control's severity, then .editorconfig). A build with an error fails.")] string Severity,
    [property: Description("The file, relative to the project folder.")] string Path,
    [property: Description("1-based line of the start of the construct at fault.")] int Line,
    [property: Description("1-based column of the start of the construct at fault.")] int Column,
    [property: Description("1-based line of its end.")] int EndLine,
    [property: Description("1-based column of its end.")] int EndColumn,
    [property: Description("What is wrong, which control and requirement, and what to write instead.")] string Message,
    [property: Description("Whether the fix tool can rewrite this diagnostic's code; when false, follow the message (and the remedy the requirements brief gives for the rule).")] bool Fixable,
    [property: Description("The titles of the available code fixes, in the order fix applies them.")] IReadOnlyList<string> FixTitles,
    [property: Description("The rule's documentation page.")] string HelpUri);
