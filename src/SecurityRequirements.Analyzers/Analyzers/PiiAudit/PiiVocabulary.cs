using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Member names that hold personal data, matched on the trailing words of a name: "Email" matches
/// <c>Email</c>, <c>NormalizedEmail</c> and <c>primary_email</c>, not <c>EmailConfirmed</c> or <c>EmailTemplate</c>.
/// The built-in entries are on by default; <c>pii_names</c> adds entries and <c>pii_names_removed</c> removes them.
/// A few words are personal data only about a person ("Name", "DisplayName", "Address", "City"): they match
/// when the word before them says so (<c>CustomerName</c>, <c>BillingCity</c>) or the member's type is a person
/// or an address (<c>Buyer.Name</c>, <c>Address.City</c>); the classifier checks the type.
/// </summary>
internal sealed class PiiVocabulary
{
    /// <summary>The built-in entries, each a spelling; entries with the same letters are one entry for pii_names_removed.</summary>
    private static readonly (string Spelling, EntryKind Kind)[] BuiltInSpellings =
    {
        ("Email", EntryKind.Plain), ("EMail", EntryKind.Plain), ("EmailAddress", EntryKind.Plain), ("MailAddress", EntryKind.Plain),
        ("Phone", EntryKind.Plain), ("PhoneNumber", EntryKind.Plain), ("Telephone", EntryKind.Plain), ("TelephoneNumber", EntryKind.Plain),
        ("Mobile", EntryKind.Plain), ("MobileNumber", EntryKind.Plain),
        ("FirstName", EntryKind.Plain), ("LastName", EntryKind.Plain), ("FullName", EntryKind.Plain), ("GivenName", EntryKind.Plain),
        ("FamilyName", EntryKind.Plain), ("MiddleName", EntryKind.Plain), ("MaidenName", EntryKind.Plain), ("Surname", EntryKind.Plain),
        ("Forename", EntryKind.Plain), ("UserName", EntryKind.Plain), ("Username", EntryKind.Plain),
        ("DateOfBirth", EntryKind.Date), ("BirthDate", EntryKind.Date), ("Birthdate", EntryKind.Date), ("Birthday", EntryKind.Date), ("Dob", EntryKind.Date),
        ("Street", EntryKind.Plain), ("StreetAddress", EntryKind.Plain), ("AddressLine", EntryKind.Plain),
        ("HomeAddress", EntryKind.Plain), ("BillingAddress", EntryKind.Plain), ("ShippingAddress", EntryKind.Plain), ("PostalAddress", EntryKind.Plain),
        ("MailingAddress", EntryKind.Plain), ("DeliveryAddress", EntryKind.Plain), ("ResidentialAddress", EntryKind.Plain),
        ("PostCode", EntryKind.Plain), ("Postcode", EntryKind.Plain), ("PostalCode", EntryKind.Plain),
        ("Zip", EntryKind.Plain), ("ZipCode", EntryKind.Plain), ("Zipcode", EntryKind.Plain),
        ("Ssn", EntryKind.Plain), ("SocialSecurityNumber", EntryKind.Plain),
        ("NationalId", EntryKind.Plain), ("NationalIdentificationNumber", EntryKind.Plain), ("NationalIdentityNumber", EntryKind.Plain), ("NationalInsuranceNumber", EntryKind.Plain),
        ("Passport", EntryKind.Plain), ("PassportNumber", EntryKind.Plain),
        ("CardHolder", EntryKind.Plain), ("Cardholder", EntryKind.Plain), ("CardHolderName", EntryKind.Plain), ("CardholderName", EntryKind.Plain),
        ("CardNumber", EntryKind.Plain),
        ("Name", EntryKind.Person), ("DisplayName", EntryKind.Person), ("Address", EntryKind.Person), ("City", EntryKind.Person),
    };

    /// <summary>Words before a person-only entry that make it personal data: "CustomerName", "BillingCity".</summary>
    internal static readonly string[] PersonWords =
    {
        "user", "person", "people", "customer", "buyer", "contact", "profile", "employee", "patient", "owner", "author",
        "subscriber", "applicant", "student", "citizen", "guest", "attendee", "participant", "recipient", "sender",
        "candidate", "resident", "passenger", "traveler", "traveller", "beneficiary", "donor", "visitor", "grantee",
        "grantor", "invitee", "inviter", "requester", "payer", "payee", "shopper", "signer", "holder", "cardholder",
    };

    /// <summary>Kinds of a person's name that are no entry of their own: "NickName", "PreferredName", "LegalName".</summary>
    internal static readonly string[] PersonalNameWords = { "nick", "preferred", "legal", "real", "full", "given", "family", "display" };

    /// <summary>Postal qualifiers: "HomeCity", "ShippingName", "BillingAddress".</summary>
    internal static readonly string[] PostalWords =
    {
        "home", "billing", "shipping", "mailing", "delivery", "postal", "residential", "birth",
    };

    private readonly Dictionary<int, Entry[]> _byLastWord;

    /// <summary>One bit per length of an entry's last word: most names are ruled out by a bit test, before any lookup.</summary>
    private readonly ulong _lastWordLengths;

    private PiiVocabulary(List<Entry> entries)
    {
        var buckets = new Dictionary<int, List<Entry>>();
        foreach (var entry in entries)
        {
            var last = entry.Words[entry.Words.Length - 1];
            var key = Key(last.Length, last[0]);
            _lastWordLengths |= 1UL << (last.Length & 63);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = new List<Entry>();
            }

            bucket.Add(entry);
        }

        _byLastWord = new Dictionary<int, Entry[]>();
        foreach (var pair in buckets)
        {
            _byLastWord[pair.Key] = pair.Value.ToArray();
        }

        IsEmpty = entries.Count == 0;
    }

    internal enum EntryKind
    {
        /// <summary>A string member with this name is personal data.</summary>
        Plain,

        /// <summary>A string or date member (date of birth).</summary>
        Date,

        /// <summary>Only about a person: the word before it, or the member's type, must say so.</summary>
        Person,

        /// <summary>A team's entry from pii_names: string, date or number members.</summary>
        Team,
    }

    public bool IsEmpty { get; }

    /// <summary>The letters of every built-in entry, one per entry, in the order of the list (for docs and validation).</summary>
    /// <remarks>A list, not an iterator: the compiler's iterator reads Environment.CurrentManagedThreadId, which RS1035 bans from analyzer assemblies.</remarks>
    public static IReadOnlyList<string> BuiltInNames
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var (spelling, _) in BuiltInSpellings)
            {
                if (seen.Add(Letters(spelling)))
                {
                    names.Add(spelling);
                }
            }

            return names;
        }
    }

    /// <summary>True when <paramref name="name"/> (as written in pii_names_removed) names a built-in entry, or is "*" (all of them).</summary>
    public static bool IsBuiltIn(string name)
    {
        if (name.Trim() == "*")
        {
            return true;
        }

        var letters = Letters(name);
        foreach (var (spelling, _) in BuiltInSpellings)
        {
            if (Letters(spelling) == letters)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The built-in entries minus <paramref name="removed"/> ("*" removes them all) plus <paramref name="added"/>.</summary>
    public static PiiVocabulary Create(ImmutableArray<string> added, ImmutableArray<string> removed)
    {
        var removedLetters = new HashSet<string>(StringComparer.Ordinal);
        var removeAll = false;
        foreach (var name in removed.IsDefault ? ImmutableArray<string>.Empty : removed)
        {
            removeAll |= name.Trim() == "*";
            removedLetters.Add(Letters(name));
        }

        var entries = new List<Entry>();
        if (!removeAll)
        {
            foreach (var (spelling, kind) in BuiltInSpellings)
            {
                if (!removedLetters.Contains(Letters(spelling)))
                {
                    entries.Add(new Entry(WordParts.Split(spelling).ToArray(), kind));
                }
            }
        }

        foreach (var name in added.IsDefault ? ImmutableArray<string>.Empty : added)
        {
            var words = WordParts.Split(name);
            if (!words.IsEmpty)
            {
                entries.Add(new Entry(words.ToArray(), EntryKind.Team));
            }
        }

        return new PiiVocabulary(entries);
    }

    /// <summary>
    /// Whether some entry can match a member named <paramref name="name"/>: its last word (digits aside) ends an entry.
    /// Looks at the name only; the classifier decides with the member's type and owner.
    /// </summary>
    public bool MayMatch(string name) => Match(name).IsMatch;

    /// <summary>The entry the trailing words of <paramref name="name"/> match; an entry that needs no person beats one that does.</summary>
    public VocabularyMatch Match(string name)
    {
        var end = name.Length;
        int start;
        do
        {
            start = WordParts.PreviousWord(name, ref end);
            if (start < 0)
            {
                return default;
            }

            if (!WordParts.IsNumber(name, start, end - start))
            {
                break;
            }

            end = start;
        }
        while (true);

        if ((_lastWordLengths & (1UL << ((end - start) & 63))) == 0
            || !_byLastWord.TryGetValue(Key(end - start, char.ToLowerInvariant(name[start])), out var bucket))
        {
            return default;
        }

        VocabularyMatch best = default;
        foreach (var entry in bucket)
        {
            if (!TrailingWordsMatch(name, start, end, entry.Words, out var runStart))
            {
                continue;
            }

            if (entry.Kind == EntryKind.Person && NamedAfterSomethingElse(name, runStart, entry.Words))
            {
                // "AlgorithmName", "FileName", "CompanyName": the word before says whose name it is, and it is no person's.
                continue;
            }

            var needsPerson = entry.Kind == EntryKind.Person && !PrecededByQualifier(name, runStart);
            var match = new VocabularyMatch(true, needsPerson, entry.Kind is EntryKind.Date or EntryKind.Team, entry.Kind == EntryKind.Team);
            if (!needsPerson)
            {
                return match;
            }

            best = match;
        }

        return best;
    }

    private static bool TrailingWordsMatch(string name, int lastStart, int lastEnd, string[] words, out int runStart)
    {
        runStart = lastStart;
        if (!WordParts.Equals(name, lastStart, lastEnd - lastStart, words[words.Length - 1]))
        {
            return false;
        }

        var end = lastStart;
        for (var i = words.Length - 2; i >= 0; i--)
        {
            var start = WordParts.PreviousWord(name, ref end);
            if (start < 0 || !WordParts.Equals(name, start, end - start, words[i]))
            {
                return false;
            }

            runStart = start;
            end = start;
        }

        return true;
    }

    /// <summary>A "…Name" whose word before is neither a person, a postal qualifier nor a kind of personal name.</summary>
    private static bool NamedAfterSomethingElse(string name, int runStart, string[] words)
    {
        if (words[words.Length - 1] != "name")
        {
            return false;
        }

        var end = runStart;
        var start = WordParts.PreviousWord(name, ref end);
        return start >= 0
            && !WordParts.IsOneOf(name, start, end - start, PersonWords)
            && !WordParts.IsOneOf(name, start, end - start, PostalWords)
            && !WordParts.IsOneOf(name, start, end - start, PersonalNameWords);
    }

    private static bool PrecededByQualifier(string name, int runStart)
    {
        var end = runStart;
        var start = WordParts.PreviousWord(name, ref end);
        return start >= 0 && (WordParts.IsOneOf(name, start, end - start, PersonWords) || WordParts.IsOneOf(name, start, end - start, PostalWords));
    }

    private static int Key(int length, char first) => (length << 16) | first;

    /// <summary>Lower-case letters and digits: "User_Name", "UserName" and "username" are one entry.</summary>
    private static string Letters(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private readonly struct Entry
    {
        public Entry(string[] words, EntryKind kind)
        {
            Words = words;
            Kind = kind;
        }

        public string[] Words { get; }

        public EntryKind Kind { get; }
    }
}
