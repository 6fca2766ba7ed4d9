using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>
/// All descriptors, shared by the analyzers, the code fixes, the generator and the meta-tests.
/// Rule messages start with the control id and its requirement so that a reader of the build
/// output (human or agent) knows which policy line is violated and what to write instead.
/// </summary>
public static partial class DiagnosticDescriptors
{
    // Requirements file (SRA0xxx): located inside security_requirements.yaml.
    public static readonly DiagnosticDescriptor YamlSyntaxError = File(
        DiagnosticIds.YamlSyntaxError,
        "Fix the YAML syntax of the requirements file",
        "The requirements file is not valid YAML: {0}; correct the YAML at this position",
        DiagnosticSeverity.Error,
        "The requirements file could not be parsed. Controls that were complete before the error are still enforced; the rest are not until the syntax is fixed.");

    public static readonly DiagnosticDescriptor WrongNodeType = File(
        DiagnosticIds.WrongNodeType,
        "Use the expected YAML node type",
        "'{0}' must be {1}, not {2}; write it as {1}",
        DiagnosticSeverity.Error,
        "A key of the requirements file holds a value of the wrong shape (for example a list where a single value is expected). The value is ignored.");

    public static readonly DiagnosticDescriptor UnknownKey = File(
        DiagnosticIds.UnknownKey,
        "Remove or correct the unknown key",
        "Unknown key '{0}' in {1}; use one of: {2}",
        DiagnosticSeverity.Warning,
        "The key is not part of the requirements file format and is ignored. A misspelt key usually means a setting silently does not apply.");

    public static readonly DiagnosticDescriptor UnknownCheck = File(
        DiagnosticIds.UnknownCheck,
        "Use a known check",
        "Control '{0}' names unknown check '{1}'; use one of: {2}",
        DiagnosticSeverity.Error,
        "The 'check' key binds a control to a built-in check. An unknown name leaves the control unenforced.");

    public static readonly DiagnosticDescriptor DuplicateControlId = File(
        DiagnosticIds.DuplicateControlId,
        "Give every control a unique id",
        "Control id '{0}' is already used, so this definition is ignored; give this control a unique id",
        DiagnosticSeverity.Error,
        "Control ids identify controls in diagnostics, waivers and the attestation, so they must be unique across the requirements files of a project.");

    public static readonly DiagnosticDescriptor InvalidSeverity = File(
        DiagnosticIds.InvalidSeverity,
        "Use a valid severity",
        "'{0}' is not a valid severity; use error, warning, info or none",
        DiagnosticSeverity.Error,
        "A control's severity must be one of error, warning, info or none. The control keeps the default severity (warning).");

    public static readonly DiagnosticDescriptor InvalidDuration = File(
        DiagnosticIds.InvalidDuration,
        "Use a valid duration",
        "'{0}' is not a valid duration for '{1}'; write a positive number with a unit (900s, 15m, 1h, 7d) or ISO 8601 (PT15M, P7D)",
        DiagnosticSeverity.Error,
        "Durations are written as a positive whole number followed by s, m, h or d, or as an ISO 8601 duration. The parameter keeps its default.");

    public static readonly DiagnosticDescriptor InvalidRegex = File(
        DiagnosticIds.InvalidRegex,
        "Use a valid regular expression",
        "'{0}' is not a valid .NET regular expression ({1}); correct the pattern",
        DiagnosticSeverity.Error,
        "Patterns are .NET regular expressions. An invalid pattern is ignored.");

    public static readonly DiagnosticDescriptor InvalidSymbolId = File(
        DiagnosticIds.InvalidSymbolId,
        "Use a valid documentation comment id",
        "'{0}' is not a valid documentation comment id; write a prefix (T:, M:, P:, F:, E:, N:) followed by the full name, for example T:System.Security.Cryptography.MD5",
        DiagnosticSeverity.Error,
        "Symbols are named by their documentation comment ids, the same ids the C# compiler writes into XML documentation files.");

    public static readonly DiagnosticDescriptor InvalidGlob = File(
        DiagnosticIds.InvalidGlob,
        "Use a valid glob",
        "'{0}' is not a valid glob ({1}); correct the pattern",
        DiagnosticSeverity.Error,
        "Globs support '*' (within one segment), '**' (across segments) and '?' (one character).");

    public static readonly DiagnosticDescriptor WaiverUnknownControl = File(
        DiagnosticIds.WaiverUnknownControl,
        "Waive only existing controls",
        "Waiver names control '{0}', which no requirements file defines; name an existing control id or remove the waiver",
        DiagnosticSeverity.Warning,
        "A waiver must name the id of a control defined in the requirements file. This waiver suppresses nothing.");

    public static readonly DiagnosticDescriptor WaiverExpired = File(
        DiagnosticIds.WaiverExpired,
        "Renew or remove the expired waiver",
        "Waiver of control '{0}' was valid through {1} and today is {2}, so it no longer suppresses anything; fix the code or renew the waiver with a new approval",
        DiagnosticSeverity.Warning,
        "Waivers carry an expiry date. After that date the waiver stops suppressing diagnostics. Today's date comes from the SecurityRequirementsToday build property, which defaults to the build date.");

    public static readonly DiagnosticDescriptor MissingRequiredKey = File(
        DiagnosticIds.MissingRequiredKey,
        "Add the required key",
        "{0} is missing {1}; add it",
        DiagnosticSeverity.Error,
        "Controls need an id and a requirement; waivers need a control, a scope (symbol, path or namespace) and a justification. An incomplete entry is ignored.");

    public static readonly DiagnosticDescriptor RequirementsFileTooComplex = File(
        DiagnosticIds.RequirementsFileTooComplex,
        "Keep the requirements file within limits",
        "The requirements file exceeds a limit: {0}; split or shorten it",
        DiagnosticSeverity.Error,
        "The requirements file is input to the compiler, so its size, nesting depth and number of nodes are capped. Content beyond a limit is not read.");

    public static readonly DiagnosticDescriptor RegexTimedOut = new(
        DiagnosticIds.RegexTimedOut,
        "Simplify the slow regular expression",
        "Pattern '{0}' of control '{1}' took longer than {2} ms on a string literal and was skipped for the rest of the compilation; simplify it",
        DiagnosticCategories.RequirementsFile,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Patterns run with a match timeout so that a catastrophic pattern cannot hang the build. A pattern that times out is disabled for the compilation.",
        helpLinkUri: HelpLinks.ForId(DiagnosticIds.RegexTimedOut),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidParameterValue = File(
        DiagnosticIds.InvalidParameterValue,
        "Use a valid value",
        "'{0}' is not a valid value for '{1}'; {2}",
        DiagnosticSeverity.Error,
        "The value is outside what the key accepts. The key keeps its default.");

    public static readonly DiagnosticDescriptor DuplicateKey = File(
        DiagnosticIds.DuplicateKey,
        "Remove the duplicate key",
        "Key '{0}' appears more than once in the same mapping, so only the first value applies; remove the duplicate",
        DiagnosticSeverity.Error,
        "YAML mappings must not repeat a key. The first occurrence is used and later ones are ignored.");

    public static readonly DiagnosticDescriptor InvalidControlId = File(
        DiagnosticIds.InvalidControlId,
        "Use a control id of letters, digits, '.', '_' and '-'",
        "Control id '{0}' {1}; write an id of at most 64 letters, digits, '.', '_' or '-', such as SEC-001",
        DiagnosticSeverity.Error,
        "A control id appears in every diagnostic message, in waivers, in the attestation, in the requirements brief and in the code a fix writes. It is limited to ASCII letters, digits, '.', '_' and '-', and to 64 characters, so it can never carry a line break, markup or code. A control with an invalid id is ignored.");

    public static readonly DiagnosticDescriptor RequirementsFileUnusable = new(
        DiagnosticIds.RequirementsFileUnusable,
        "Give the build a readable requirements file",
        "The requirements file '{0}' {1}, so the built-in baseline applies instead of the project's policy; write the policy to that file or point SecurityRequirementsFile at a readable security_requirements.yaml",
        DiagnosticCategories.RequirementsFile,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The build named a requirements file that does not exist, is a directory, cannot be read or is empty. The project's controls are then not enforced; the baseline controls are, and the attestation records the problem.",
        helpLinkUri: HelpLinks.ForId(DiagnosticIds.RequirementsFileUnusable),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor WaiverProjectWide = File(
        DiagnosticIds.WaiverProjectWide,
        "Scope the waiver to the code it is for",
        "Waiver of control '{0}' ({1}) covers every {2} of this project, so the control enforces nothing here; name only the symbol, path or namespace that needs the waiver",
        DiagnosticSeverity.Warning,
        "A waiver whose path glob matches every source file, or whose namespace holds every type, switches the control off for the whole project. The attestation marks it project-wide and does not vouch for the control.");

    public static readonly DiagnosticDescriptor WaiverOpenEnded = File(
        DiagnosticIds.WaiverOpenEnded,
        "Give the waiver an expiry date within a year",
        "Waiver of control '{0}' {1}, so it is never reviewed again; set expires to a date no later than {2}",
        DiagnosticSeverity.Warning,
        "Waivers are accepted risks that must be reviewed. A waiver without 'expires', or with an expiry more than a year after the build date, is marked open-ended in the attestation.");

    public static readonly DiagnosticDescriptor WaiverUnapproved = File(
        DiagnosticIds.WaiverUnapproved,
        "Name who approved the waiver",
        "Waiver of control '{0}' names no approver; add approved_by with the person or team that accepted the risk",
        DiagnosticSeverity.Warning,
        "'approved_by' is optional so that a draft waiver still applies, but an auditor needs to know who accepted the risk. The attestation marks the waiver unapproved.");

    // Declarative bans (SRA9xxx).
    public static readonly DiagnosticDescriptor BannedSymbol = Rule(
        DiagnosticIds.BannedSymbol,
        "Do not use a symbol the requirements ban",
        "{0} '{1}': '{2}' is banned; {3}",
        DiagnosticCategories.Bans,
        "A control with 'check: banned' lists symbols (documentation comment ids of namespaces, types or members) that code must not use.");

    public static readonly DiagnosticDescriptor BannedPattern = Rule(
        DiagnosticIds.BannedPattern,
        "Do not write a string the requirements ban",
        "{0} '{1}': string \"{2}\" matches banned pattern '{3}'; {4}",
        DiagnosticCategories.Bans,
        "A control with 'check: banned' lists regular expressions that string literals and interpolated strings must not match.");

    private static DiagnosticDescriptor File(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, DiagnosticCategories.RequirementsFile, severity, isEnabledByDefault: true, description, HelpLinks.ForId(id));

    /// <summary>Rules default to warning; the control's YAML severity is applied per diagnostic.</summary>
    internal static DiagnosticDescriptor Rule(string id, string title, string message, string category, string description) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpLinks.ForId(id));
}
