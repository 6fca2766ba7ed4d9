using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;

namespace SecurityRequirements.Analyzers.Prescriptions;

/// <summary>
/// The prescribed audit log for reads of personal data: a [LoggerMessage] method with one parameter per audit
/// field and a fixed event id, so every audit line has the same shape and costs no allocation when disabled.
/// The SRA3001 fix appends it to the first file it fixes (so its names are fully qualified and it turns on the
/// nullable context for itself, as the last member of that file), and the requirements brief shows it.
/// </summary>
internal static class PiiAuditPrescription
{
    public const string ClassName = "PiiAuditLog";
    public const string MethodName = "PiiAccessed";
    public const int EventId = 3001;

    private const string Logging = "global::Microsoft.Extensions.Logging.";

    /// <summary>"ip_address" → "ipAddress"; keywords get '@'.</summary>
    public static string ParameterName(string field)
    {
        var pascal = PlaceholderName(field);
        var name = pascal.Length == 0 ? "value" : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>"ip_address" → "IpAddress": the placeholder the template carries.</summary>
    public static string PlaceholderName(string field)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in field)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            if (builder.Length == 0 && char.IsDigit(c))
            {
                builder.Append('_');
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>The call that audits one read: the logger, then per field the variable of its name (the action: what is read).</summary>
    public static string CallText(string logger, IReadOnlyList<string> fields, string member)
    {
        var call = new StringBuilder(ClassName).Append('.').Append(MethodName).Append('(').Append(logger);
        foreach (var field in HelperFields(fields))
        {
            call.Append(", ").Append(AuditFieldMatcher.Matches(field, "Action") ? GeneratedCodeText.StringLiteral("read " + member) : ParameterName(field));
        }

        return call.Append(");").ToString();
    }

    /// <summary>
    /// The fields the helper takes, one parameter each: those with a letter or digit (the others can name no parameter or
    /// placeholder), and each once however its punctuation and case vary ("user_id" and "UserId" are one field).
    /// </summary>
    public static List<string> HelperFields(IReadOnlyList<string> fields)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var kept = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            var key = AuditFieldMatcher.Normalize(field);
            if (key.Length > 0 && seen.Add(key))
            {
                kept.Add(field);
            }
        }

        return kept;
    }

    /// <summary>
    /// The helper class. The control id goes into its documentation comment escaped (one line, XML text); field names
    /// become identifiers of letters and digits only, so no YAML text can add code to the file the fix writes.
    /// </summary>
    public static string ClassText(string controlId, IReadOnlyList<string> fields)
    {
        var template = new StringBuilder("PII access:");
        var parameters = new StringBuilder(Logging + "ILogger logger");
        foreach (var field in HelperFields(fields))
        {
            template.Append(' ').Append(PlaceholderName(field)).Append("={").Append(PlaceholderName(field)).Append('}');
            parameters.Append(", string? ").Append(ParameterName(field));
        }

        return string.Format(
            CultureInfo.InvariantCulture,
            """
            #nullable enable
            /// <summary>Audit log for reads of personal data (control {0}); every read of a PII member calls it first.</summary>
            internal static partial class {1}
            {{
                [{6}LoggerMessage(EventId = {2}, Level = {6}LogLevel.Information, Message = "{3}")]
                public static partial void {4}({5});
            }}
            """,
            GeneratedCodeText.DocCommentText(controlId),
            ClassName,
            EventId,
            template,
            MethodName,
            parameters,
            Logging);
    }
}
