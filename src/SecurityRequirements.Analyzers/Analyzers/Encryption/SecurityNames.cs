using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Analyzers.Encryption;

/// <summary>
/// Reads identifiers (locals, fields, properties, parameters, methods) for what they hold: a password, token, salt,
/// one-time code and so on. Identifiers are split into words (camelCase, PascalCase, snake_case, acronyms), so
/// "keyboard", "monkey" or "barcode" never match, and qualifiers that make a name ordinary ("cacheKey",
/// "statusCode", "cancellationToken") are excluded.
/// </summary>
internal static class SecurityNames
{
    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "password", "passwd", "pwd", "passphrase", "passcode" };
    private static readonly HashSet<string> OneTimeWords = new(StringComparer.Ordinal) { "otp", "totp", "hotp", "mfa", "2fa" };
    private static readonly HashSet<string> TokenWords = new(StringComparer.Ordinal) { "token", "csrf", "xsrf" };

    /// <summary>Qualifiers that make "key" a secret: apiKey, secretKey, sessionKey, encryptionKey…</summary>
    private static readonly HashSet<string> SecretKeyQualifiers = new(StringComparer.Ordinal)
    {
        "api", "secret", "session", "encryption", "crypto", "aes", "private", "access", "signing", "hmac", "master", "license",
        "licence", "activation", "reset", "auth", "security", "app", "client", "shared", "symmetric", "cipher", "des", "jwt", "mac",
    };

    /// <summary>Qualifiers that make a name ordinary: keys of maps and databases, codes of characters and statuses.</summary>
    private static readonly HashSet<string> OrdinaryQualifiers = new(StringComparer.Ordinal)
    {
        "cache", "primary", "foreign", "partition", "dictionary", "dict", "sort", "lookup", "hash", "map", "registry", "hot", "row",
        "composite", "idempotency", "char", "character", "status", "error", "color", "colour", "country", "zip", "postal", "currency",
        "lang", "language", "exit", "return", "op", "area", "ascii", "unicode", "http", "response", "result", "item", "product", "bar",
        "qr", "source", "machine", "byte", "event", "culture", "region", "type", "class", "html", "css", "cancellation", "file", "test",
        "fake", "dummy", "sample", "mock", "lorem", "name", "display", "locale", "unit", "sku", "ean", "upc", "isbn", "zone",
        "post", "dial", "phone", "emoji", "keyboard", "console", "input", "mouse", "sequence", "message", "diagnostic",
        "index", "idx", "count", "length", "len", "size", "position", "pos", "offset", "delay", "timeout", "interval", "retry",
        "attempt", "attempts", "width", "height", "expiry", "expiration", "lifetime",
    };

    /// <summary>Words in a method name that mark its random text as ordinary (file names, test data, colours).</summary>
    private static readonly HashSet<string> OrdinaryTextWords = new(StringComparer.Ordinal)
    {
        "file", "filename", "path", "name", "names", "color", "colour", "test", "fake", "dummy", "sample", "mock", "lorem", "word", "words",
        "sentence", "title", "label", "tag", "css", "element", "html", "dom", "folder", "directory", "temp", "tmp", "email", "user", "username",
        "text", "paragraph", "city", "street", "address", "company", "nick", "nickname", "avatar", "image", "picture", "slug",
    };

    /// <summary>
    /// What a value held under <paramref name="identifier"/> is, in words for a message ("password", "one-time code"),
    /// or null for an ordinary name. <paramref name="type"/> settles a bare "key": a byte array named key is key material,
    /// an integer or string named key is usually a dictionary key.
    /// </summary>
    public static string? Classify(string identifier, ITypeSymbol? type)
    {
        var words = Split(identifier);
        if (words.Count == 0)
        {
            return null;
        }

        var ordinary = false;
        foreach (var word in words)
        {
            if (PasswordWords.Contains(word))
            {
                return "password";
            }

            ordinary |= OrdinaryQualifiers.Contains(word);
        }

        // "newPass", "tempPass": a trailing "pass" after a qualifier; a lone "pass" is a test or loop pass.
        if (words.Count > 1 && words[words.Count - 1] == "pass")
        {
            return "password";
        }

        var joined = string.Concat(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            switch (word)
            {
                case "salt":
                    return "salt";
                case "nonce":
                    return "nonce";
                case "secret":
                    return "secret";
                case "iv":
                    return "IV";
                case "pin" when !ordinary:
                    return "PIN";
                case "credential" or "credentials":
                    return "credential";
                case "session" when words.Contains("id") || words.Contains("key") || words.Contains("token"):
                    return "session id";
                case "verification" or "confirmation" when !ordinary && (words.Contains("number") || words.Contains("num") || words.Contains("digits")):
                    return "verification code";
                case "apikey" or "secretkey" or "sessionkey" or "privatekey" or "accesskey" or "signingkey" or "encryptionkey":
                    return "key";
            }

            if (OneTimeWords.Contains(word))
            {
                return "one-time code";
            }

            if (TokenWords.Contains(word) && !ordinary)
            {
                return "token";
            }

            if (word == "key" && !ordinary)
            {
                if (i > 0 && SecretKeyQualifiers.Contains(words[i - 1]))
                {
                    return "key";
                }

                if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
                {
                    return "key";
                }
            }

            if (word == "code" && !ordinary && (i == 0 || words[i - 1] != "key"))
            {
                return "code";
            }
        }

        return joined is "initializationvector" ? "IV" : Compound(words);
    }

    /// <summary>
    /// Lower-case single-word names that camel case cannot split ("accesscode", "resettoken", "newpassword"):
    /// matched against known compounds only, because "barcode", "unicode" or "keycode" end the same way.
    /// </summary>
    private static string? Compound(List<string> words)
    {
        if (words.Count != 1 || words[0].Length < 5)
        {
            return null;
        }

        var word = words[0];
        if (word.IndexOf("password", StringComparison.Ordinal) >= 0 || word.IndexOf("passwd", StringComparison.Ordinal) >= 0)
        {
            return "password";
        }

        foreach (var prefix in CodePrefixes)
        {
            if (word.Length == prefix.Length + 4 && word.StartsWith(prefix, StringComparison.Ordinal) && word.EndsWith("code", StringComparison.Ordinal))
            {
                return "code";
            }

            if (word.Length == prefix.Length + 5 && word.StartsWith(prefix, StringComparison.Ordinal) && word.EndsWith("token", StringComparison.Ordinal))
            {
                return "token";
            }
        }

        return word.EndsWith("otp", StringComparison.Ordinal) || word.StartsWith("otp", StringComparison.Ordinal) ? "one-time code" : null;
    }

    private static readonly string[] CodePrefixes =
    {
        "access", "reset", "verify", "verification", "confirm", "confirmation", "auth", "otp", "sms", "pin", "security", "activation",
        "login", "recovery", "backup", "secret", "session", "refresh", "csrf", "api",
    };

    /// <summary>True when a method's name marks the random text it returns as ordinary (a file name, test data, a colour).</summary>
    public static bool IsOrdinaryText(string identifier)
    {
        foreach (var word in Split(identifier))
        {
            if (OrdinaryTextWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case words of an identifier: "resetPasswordToken" → reset, password, token; "OTPCode" → otp, code; "get_Token" → get, token.</summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var boundary = i == identifier.Length || !char.IsLetterOrDigit(identifier[i]);
            if (!boundary && start >= 0 && i > start)
            {
                var current = identifier[i];
                var previous = identifier[i - 1];
                boundary = (char.IsUpper(current) && char.IsLower(previous))
                    || (char.IsUpper(current) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]))
                    || (char.IsDigit(current) != char.IsDigit(previous) && !(char.IsDigit(previous) && char.IsLetter(current) && IsTwoFa(identifier, i)));
                if (boundary)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = i;
                    continue;
                }
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    /// <summary>"2fa"/"2FA" stays one word.</summary>
    private static bool IsTwoFa(string identifier, int letterIndex) =>
        letterIndex >= 1 && identifier[letterIndex - 1] == '2'
        && letterIndex + 1 < identifier.Length
        && char.ToLowerInvariant(identifier[letterIndex]) == 'f'
        && char.ToLowerInvariant(identifier[letterIndex + 1]) == 'a';
}
