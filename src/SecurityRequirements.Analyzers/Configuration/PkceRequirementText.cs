using System;
using System.Collections.Generic;
using System.Globalization;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>
/// What an oauth-pkce control's name and requirement text state, so that a control enforces only that
/// (issue: a plain "Implement OAuth 2.0 with PKCE" states no token lifetime).
/// </summary>
/// <remarks>
/// <para>Clients: the text scopes PKCE to public clients when it names them ("public clients", "native apps",
/// "mobile clients", "SPAs") and does not also name all clients ("all clients", "every client", "public and
/// confidential clients", "including confidential clients").</para>
/// <para>Lifetimes: a token kind ("access token(s)", "refresh token(s)", "ID/identity token(s)", "authorization
/// code(s)"; a bare "access", "refresh", "ID" or "identity" only when the text mentions tokens) followed, within eight words and the
/// same sentence, by an amount and a unit: "15 minutes", "15-minute", "15min", "1.5 hours", "one hour", "an hour",
/// "7d". Kinds joined by "and", "or" or a comma share the amount ("access and ID tokens expire within 5 minutes").
/// An amount after "at least" or "minimum" is a floor, not a limit, and is skipped. Months and years are not read,
/// because their length varies. Word-based, hand-written and linear: no regex runs on the text.</para>
/// </remarks>
internal sealed class PkceRequirementText
{
    private const int MaxWordsToAmount = 8;

    private static readonly PkceRequirementText Empty = new(null, null, null, null, null);

    private PkceRequirementText(PkceClientScope? clients, TimeSpan? access, TimeSpan? refresh, TimeSpan? identity, TimeSpan? authorizationCode)
    {
        Clients = clients;
        AccessTokenLifetime = access;
        RefreshTokenLifetime = refresh;
        IdentityTokenLifetime = identity;
        AuthorizationCodeLifetime = authorizationCode;
    }

    /// <summary>The client scope the text states, or null when it names no clients.</summary>
    public PkceClientScope? Clients { get; }

    public TimeSpan? AccessTokenLifetime { get; }

    public TimeSpan? RefreshTokenLifetime { get; }

    public TimeSpan? IdentityTokenLifetime { get; }

    public TimeSpan? AuthorizationCodeLifetime { get; }

    private enum Kind
    {
        None,
        Access,
        Refresh,
        Identity,
        AuthorizationCode,
    }

    public static PkceRequirementText Parse(string? name, string? requirement)
    {
        var tokens = Tokenize((name ?? string.Empty) + ". " + (requirement ?? string.Empty));
        if (tokens.Count == 0)
        {
            return Empty;
        }

        var mentionsTokens = false;
        foreach (var token in tokens)
        {
            mentionsTokens |= token.Word is "token" or "tokens";
        }

        var lifetimes = new TimeSpan?[5];
        for (var i = 0; i < tokens.Count; i++)
        {
            var kinds = new List<Kind>();
            var next = i;
            while (KindAt(tokens, next, mentionsTokens, out var length) is var kind && kind != Kind.None)
            {
                kinds.Add(kind);
                next += length;
                if (next < tokens.Count && tokens[next].Word is "and" or "or" or ",")
                {
                    var afterJoin = next + 1;
                    if (KindAt(tokens, afterJoin, mentionsTokens, out _) != Kind.None)
                    {
                        next = afterJoin;
                        continue;
                    }
                }

                break;
            }

            if (kinds.Count == 0)
            {
                continue;
            }

            if (AmountAfter(tokens, next, mentionsTokens) is { } amount)
            {
                foreach (var kind in kinds)
                {
                    lifetimes[(int)kind] ??= amount;
                }
            }

            i = next - 1;
        }

        return new PkceRequirementText(
            ReadClients(tokens),
            lifetimes[(int)Kind.Access],
            lifetimes[(int)Kind.Refresh],
            lifetimes[(int)Kind.Identity],
            lifetimes[(int)Kind.AuthorizationCode]);
    }

    private static PkceClientScope? ReadClients(List<Token> tokens)
    {
        var mentionsPublic = false;
        var mentionsAll = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Word;
            var nextWord = i + 1 < tokens.Count ? tokens[i + 1].Word : null;
            var afterNext = i + 2 < tokens.Count ? tokens[i + 2].Word : null;
            switch (word)
            {
                case "public" or "native" or "mobile" or "spa" or "spas" when IsClientNoun(nextWord) || word is "spa" or "spas":
                    mentionsPublic = true;
                    break;
                case "all" or "every" or "each" or "any" when IsClientNoun(nextWord) || (nextWord is "oauth" or "oidc" or "registered" && IsClientNoun(afterNext)):
                    mentionsAll = true;
                    break;
                case "and" or "or" or "including" when nextWord == "confidential":
                    mentionsAll = true;
                    break;
                case "confidential" when nextWord is "and" or "or":
                    mentionsAll = true;
                    break;
            }
        }

        return mentionsAll ? PkceClientScope.All : mentionsPublic ? PkceClientScope.Public : null;
    }

    private static bool IsClientNoun(string? word) => word is "client" or "clients" or "app" or "apps" or "application" or "applications";

    /// <summary>The token kind named at <paramref name="index"/>, and how many tokens name it.</summary>
    private static Kind KindAt(List<Token> tokens, int index, bool mentionsTokens, out int length)
    {
        length = 0;
        if (index >= tokens.Count)
        {
            return Kind.None;
        }

        var word = tokens[index].Word;
        var next = index + 1 < tokens.Count ? tokens[index + 1].Word : null;
        var isTokenNoun = next is "token" or "tokens";
        Kind kind;
        switch (word)
        {
            case "access" when isTokenNoun || mentionsTokens:
                kind = Kind.Access;
                break;
            case "refresh" when isTokenNoun || mentionsTokens:
                kind = Kind.Refresh;
                break;
            case "id" or "identity" when isTokenNoun || mentionsTokens:
                kind = Kind.Identity;
                break;
            case "authorization" or "authorisation" or "auth" when next is "code" or "codes":
                length = 2;
                return Kind.AuthorizationCode;
            default:
                return Kind.None;
        }

        length = isTokenNoun ? 2 : 1;
        return kind;
    }

    /// <summary>The first amount with a unit within the same sentence after <paramref name="start"/>, before another token kind.</summary>
    private static TimeSpan? AmountAfter(List<Token> tokens, int start, bool mentionsTokens)
    {
        var end = Math.Min(tokens.Count, start + MaxWordsToAmount);
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsSentenceEnd || KindAt(tokens, i, mentionsTokens, out _) != Kind.None)
            {
                return null;
            }

            var amount = token.Number ?? NumberWord(token.Word);
            if (amount is not { } value)
            {
                continue;
            }

            var unit = token.Unit ?? (i + 1 < tokens.Count ? UnitSeconds(tokens[i + 1].Word) : null);
            if (unit is not { } seconds)
            {
                continue;
            }

            var isFloor = (i >= 1 && tokens[i - 1].Word is "minimum" or "min")
                || (i >= 2 && tokens[i - 2].Word == "at" && tokens[i - 1].Word == "least");
            var total = value * seconds;
            if (!isFloor && total >= 1 && total <= 100 * 365 * 86400d)
            {
                return TimeSpan.FromSeconds(Math.Round(total));
            }
        }

        return null;
    }

    private static double? NumberWord(string word) => word switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "sixty" => 60,
        "ninety" => 90,
        _ => null,
    };

    private static double? UnitSeconds(string word) => word switch
    {
        "s" or "sec" or "secs" or "second" or "seconds" => 1,
        "m" or "min" or "mins" or "minute" or "minutes" => 60,
        "h" or "hr" or "hrs" or "hour" or "hours" => 3600,
        "d" or "day" or "days" => 86400,
        "w" or "wk" or "wks" or "week" or "weeks" => 7 * 86400,
        _ => null,
    };

    /// <summary>
    /// Lower-case words, numbers (with a unit glued on, as in "15min" or "7d") and sentence ends; commas are kept as
    /// words so that "access, ID and refresh tokens" can be joined.
    /// </summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                var number = double.Parse(text.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                var unitStart = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                if (i > unitStart)
                {
                    var glued = text.Substring(unitStart, i - unitStart).ToLowerInvariant();
                    var unit = UnitSeconds(glued);
                    tokens.Add(unit is null ? new Token(glued, null, null, false) : new Token(string.Empty, number, unit, false));
                }
                else
                {
                    tokens.Add(new Token(string.Empty, number, null, false));
                }
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(text.Substring(start, i - start).ToLowerInvariant(), null, null, false));
            }
            else
            {
                if (c is '.' or ';' or '!' or '?' or '\n')
                {
                    tokens.Add(new Token(string.Empty, null, null, true));
                }
                else if (c == ',')
                {
                    tokens.Add(new Token(",", null, null, false));
                }

                i++;
            }
        }

        return tokens;
    }

    private readonly record struct Token(string Word, double? Number, double? Unit, bool IsSentenceEnd);
}
