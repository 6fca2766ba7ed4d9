using System.Globalization;
using System.Text;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// The shape a control id must have (SRA0018): 1 to 64 ASCII letters, digits, '.', '_' and '-'. The id reaches
/// diagnostic messages, the brief, the attestation and code that fixes write, so it may carry nothing a reader of
/// any of them would take for markup or code.
/// </summary>
internal static class ControlIdShape
{
    public const int MaxLength = 64;

    /// <summary>What is wrong with <paramref name="id"/> ("contains a line break"), or null when it has the shape.</summary>
    public static string? Problem(string id)
    {
        if (id.Length > MaxLength)
        {
            return "is " + id.Length.ToString(CultureInfo.InvariantCulture) + " characters long";
        }

        foreach (var c in id)
        {
            if (!IsAllowed(c))
            {
                return c switch
                {
                    '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' => "contains a line break",
                    ' ' or '\t' => "contains white space",
                    _ when c < ' ' || char.IsControl(c) => "contains control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    _ => "contains '" + c + "'",
                };
            }
        }

        return null;
    }

    /// <summary>The id as a one-line message can quote it: control characters escaped, at most 40 characters.</summary>
    public static string Display(string id)
    {
        var text = new StringBuilder();
        foreach (var c in id)
        {
            if (text.Length >= 40)
            {
                return text.Append('…').ToString();
            }

            if (c < ' ' || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
}
