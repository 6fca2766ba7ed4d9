using System.Text;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>
/// Seeded mutations of valid requirements files: line edits, wrong types, unicode, tabs, BOMs, CRLF, anchors and
/// aliases, nesting, huge scalars and truncation. The same seed always yields the same document.
/// </summary>
public static class YamlMutator
{
    public const string Valid = """
        version: "2.0"
        controls:
          - id: SEC-001
            name: Encryption at Rest
            requirement: All sensitive data must be encrypted using AES-256-GCM
            check: encryption
            severity: error
            parameters:
              algorithms: [AES-256-GCM, ChaCha20-Poly1305]
              min_key_bits: 256
              key_rotation_days: 90
          - id: SEC-002
            name: API Authentication
            requirement: Implement OAuth 2.0 with PKCE
            parameters:
              access_token_lifetime: 15m
              refresh_token_lifetime: P7D
          - id: SEC-003
            name: Audit Logging
            requirement: Log all access to PII with user id, action and IP
            check: pii-audit
            parameters:
              pii_members: ["*.Email", "**.Ssn"]
              audit_fields: [UserId, Action, IpAddress]
          - id: SEC-004
            requirement: No MD5, no raw SQL on users
            check: banned
            parameters:
              symbols: ["T:System.Security.Cryptography.MD5", "N:System.Net"]
              patterns: ['(?i)\bselect\b.+\bfrom\s+users\b']
        exceptions:
          - control: SEC-004
            path: "src/Legacy/**"
            justification: migration
            approved_by: security-team
            expires: 2027-03-31
        """;

    private static readonly string[] Fragments =
    {
        "  ", "\t", ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!map", "? ", "|", ">", "\"", "'", "#",
        "---", "...", "%YAML 1.2", "~", "null", "true", "0x1F", "1e309", "-", "controls:", "id:", "check: bogus",
        "severity: loud", "expires: 2001-02-30", "\u2028", "\u00e9", "\U0001F600", "\uFEFF", "\r\n", "\r", "\0x",
        "symbols: [\"X:nope\"]", "patterns: ['(']", "path: '***'", "access_token_lifetime: 15", "<<: *a",
    };

    public static string Mutate(int seed)
    {
        var random = new Random(seed);
        var lines = Valid.Split('\n').ToList();
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var line = random.Next(lines.Count);
            switch (random.Next(14))
            {
                case 0:
                    lines.RemoveAt(line);
                    break;
                case 1:
                    lines.Insert(line, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    break;
                case 3:
                    lines[line] = Insert(random, lines[line], Fragments[random.Next(Fragments.Length)]);
                    break;
                case 4:
                    lines[line] = lines[line].Replace("  ", "\t");
                    break;
                case 5:
                    lines[line] = Insert(random, lines[line], RandomUnicode(random, 1 + random.Next(8)));
                    break;
                case 6:
                    // A list where a single value is expected, or a mapping where a list is.
                    lines[line] = lines[line].Contains(':') ? lines[line][..(lines[line].IndexOf(':') + 1)] + (random.Next(2) == 0 ? " [a, b]" : " {a: b}") : lines[line];
                    break;
                case 7:
                    lines[line] = lines[line].Length > 0 ? lines[line][..random.Next(lines[line].Length)] : lines[line];
                    break;
                case 8:
                    lines.Insert(line, new string(' ', random.Next(12)) + "x: " + new string('[', 1 + random.Next(200)));
                    break;
                case 9:
                    lines[line] += " " + new string((char)('a' + random.Next(26)), random.Next(20_000));
                    break;
                case 10:
                    lines.Insert(line, "anchors: &a [" + string.Join(", ", Enumerable.Repeat("*a", random.Next(3))) + "]");
                    break;
                case 11:
                    lines[line] = new string(' ', random.Next(10)) + lines[line].TrimStart();
                    break;
                case 12:
                    return Truncate(random, string.Join('\n', lines));
                default:
                    lines[line] = Insert(random, lines[line], Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)]);
                    break;
            }
        }

        var text = string.Join(random.Next(5) == 0 ? "\r\n" : "\n", lines);
        return random.Next(10) == 0 ? "\uFEFF" + text : text;
    }

    private static string Insert(Random random, string line, string fragment)
    {
        var at = random.Next(line.Length + 1);
        return line[..at] + fragment + line[at..];
    }

    private static string Truncate(Random random, string text) => text[..random.Next(text.Length + 1)];

    private static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = (char)random.Next(1, 0xFFFF);
            builder.Append(char.IsSurrogate(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
