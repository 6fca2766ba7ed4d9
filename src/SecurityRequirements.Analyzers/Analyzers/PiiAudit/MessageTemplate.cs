using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Reads the placeholders of a structured-logging message template ("{UserId}", "{@Patient}", "{Ip:l}", "{Count,5}"),
/// the syntax shared by Microsoft.Extensions.Logging and Serilog. "{{" and "}}" are escapes.
/// </summary>
internal static class MessageTemplate
{
    public static List<Placeholder> Parse(string template)
    {
        var result = new List<Placeholder>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                break;
            }

            var start = i + 1;
            var destructure = false;
            if (start < close && (template[start] == '@' || template[start] == '$'))
            {
                destructure = template[start] == '@';
                start++;
            }

            var end = start;
            while (end < close && template[end] != ':' && template[end] != ',')
            {
                end++;
            }

            if (end > start)
            {
                result.Add(new Placeholder(template.Substring(start, end - start).Trim(), destructure));
            }

            i = close;
        }

        return result;
    }

    internal readonly struct Placeholder
    {
        public Placeholder(string name, bool destructure)
        {
            Name = name;
            Destructure = destructure;
        }

        public string Name { get; }

        /// <summary>True for "{@x}": the logger serializes the object's members, PII included.</summary>
        public bool Destructure { get; }
    }
}
