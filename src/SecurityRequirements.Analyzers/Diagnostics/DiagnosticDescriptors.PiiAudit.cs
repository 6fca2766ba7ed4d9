using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Diagnostics;

/// <summary>PII audit check descriptors (SRA3xxx).</summary>
public static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnauditedPiiRead = Rule(
        DiagnosticIds.UnauditedPiiRead,
        "Audit-log every read of personal data",
        "{0} '{1}': reading {2} is not audit-logged ({3}); call an audit method in the same body, before the read, that passes {4} from values in scope (the signed-in user, the client IP), not null, empty or made-up constants (list your own audit or event service in the control's audit_methods)",
        DiagnosticCategories.PiiAudit,
        "A control with 'check: pii-audit' requires that every method, local function, lambda or accessor that reads personal data (a member marked or named as personal data, a personal claim of the signed-in user, a UserManager read of the user's e-mail, phone number or user name) also makes an audit call (ILogger logging, an identity server's IEventService.RaiseAsync, or a method matching 'audit_methods') whose message-template placeholders or parameter names cover every field in 'audit_fields'. The audit call must be in the same body or in a body that encloses it. A read is access when the data leaves storage for a consumer: a type reading its own members, inbound request models, copies between transfer models and values that only decide a condition are not access. A field counts only when the call passes it a value: null, default and empty strings do not count, and a constant counts only for the action, since a constant user id or IP address names no one.");

    public static readonly DiagnosticDescriptor PiiWrittenToLog = Rule(
        DiagnosticIds.PiiWrittenToLog,
        "Do not write personal data to logs",
        "{0} '{1}': {2} is written to the log by {3}; log a non-personal identifier such as the record id instead",
        DiagnosticCategories.PiiAudit,
        "A control with 'check: pii-audit' forbids writing personal data to logs: a PII value (a member marked or named as personal data, a personal claim or the name of the signed-in user) passed to a logging or audit call (ILogger, [LoggerMessage], a team's own logging method, a logger's Log*/level methods), interpolated or concatenated into its message, destructured with {@...}, or written with Console.Write or Debug.Write leaks the data to every log sink.");
}
