using System.Collections.Generic;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// Infers the check of a control that has no <c>check:</c> key from its name and requirement, so a plain
/// policy file works unchanged. Word-based and ordered, so the same text always maps to the same check:
/// OAuth/PKCE first, then encryption, then PII audit.
/// </summary>
internal static class CheckInference
{
    public static CheckKind Infer(string? name, string? requirement)
    {
        var words = Words((name ?? string.Empty) + " " + (requirement ?? string.Empty));

        if (Any(words, w => w.StartsWith("oauth", System.StringComparison.Ordinal) || w == "pkce" || w.StartsWith("openid", System.StringComparison.Ordinal) || w == "oidc"))
        {
            return CheckKind.OAuthPkce;
        }

        if (Any(words, w => w == "aes" || w.StartsWith("encrypt", System.StringComparison.Ordinal) || w.StartsWith("cipher", System.StringComparison.Ordinal) || w.StartsWith("cryptograph", System.StringComparison.Ordinal)))
        {
            return CheckKind.Encryption;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "pii" || word.StartsWith("audit", System.StringComparison.Ordinal) || word == "personally"
                || (word == "personal" && i + 1 < words.Count && words[i + 1] == "data"))
            {
                return CheckKind.PiiAudit;
            }
        }

        return CheckKind.None;
    }

    private static bool Any(List<string> words, System.Func<string, bool> predicate)
    {
        foreach (var word in words)
        {
            if (predicate(word))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
