using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>PII audit check descriptors (SRA3xxx).</summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnauditedPiiRead = Rule(
        DiagnosticIds.UnauditedPiiRead,
        "Audit-log every read of personal data",
        "{0} '{1}': reading {2} is not audit-logged ({3}); call an audit method in the same body, before the read, that passes {4} from values in scope (the signed-in user, the client IP), not null, empty or made-up constants",
        DiagnosticCategories.PiiAudit,
        "A control with 'check: pii-audit' requires that every method, local function, lambda or accessor that reads a member marked as personal data also makes an audit call (a method matching 'audit_methods') whose message-template placeholders or parameter names cover every field in 'audit_fields'. The audit call must be in the same body or in a body that encloses it. A field counts only when the call passes it a value: null, default and empty strings do not count, and a constant counts only for the action, since a constant user id or IP address names no one.");

    public static readonly DiagnosticDescriptor PiiWrittenToLog = Rule(
        DiagnosticIds.PiiWrittenToLog,
        "Do not write personal data to logs",
        "{0} '{1}': {2} is written to the log by {3}; log a non-personal identifier such as the record id instead",
        DiagnosticCategories.PiiAudit,
        "A control with 'check: pii-audit' forbids writing personal data to logs: a PII value passed to a logging or audit call, interpolated or concatenated into its message, destructured with {@...}, or written with Console.Write or Debug.Write leaks the data to every log sink.");
}
