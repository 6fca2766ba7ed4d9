using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// Decides which of the control's <c>audit_fields</c> a set of names (placeholders, parameter names) covers:
/// case- and punctuation-insensitive, with the synonyms of the design (User/UserId, Action/ActionType,
/// Ip/IpAddress/ClientIp/RemoteIp), so "{user_id}", "userId" and "UserId" are the same field.
/// </summary>
internal sealed class AuditFieldMatcher
{
    private static readonly string[][] Synonyms =
    {
        new[] { "user", "userid" },
        new[] { "action", "actiontype" },
        new[] { "ip", "ipaddress", "clientip", "remoteip" },
    };

    private readonly ImmutableArray<string> _fields;
    private readonly ImmutableArray<ImmutableHashSet<string>> _accepted;

    public AuditFieldMatcher(ImmutableArray<string> fields)
    {
        _fields = fields;
        var accepted = ImmutableArray.CreateBuilder<ImmutableHashSet<string>>(fields.Length);
        foreach (var field in fields)
        {
            var key = Normalize(field);
            var names = ImmutableHashSet.Create(StringComparer.Ordinal, key);
            foreach (var group in Synonyms)
            {
                if (Array.IndexOf(group, key) >= 0)
                {
                    names = names.Union(group);
                }
            }

            accepted.Add(names);
        }

        _accepted = accepted.MoveToImmutable();
    }

    public ImmutableArray<string> Fields => _fields;

    /// <summary>
    /// The configured fields none of <paramref name="normalizedNames"/> covers, in configuration order. Names that only
    /// got a constant (<paramref name="constantNames"/>) cover the action field and no other.
    /// </summary>
    public List<string> Missing(HashSet<string> normalizedNames, HashSet<string>? constantNames = null)
    {
        var missing = new List<string>();
        for (var i = 0; i < _fields.Length; i++)
        {
            if (!_accepted[i].Overlaps(normalizedNames)
                && !(constantNames is { Count: > 0 } && _accepted[i].Contains("action") && _accepted[i].Overlaps(constantNames)))
            {
                missing.Add(_fields[i]);
            }
        }

        return missing;
    }

    /// <summary>True when <paramref name="name"/> (a placeholder, parameter or variable name) stands for <paramref name="field"/>.</summary>
    public static bool Matches(string field, string name)
    {
        var key = Normalize(field);
        var candidate = Normalize(name);
        if (key == candidate)
        {
            return true;
        }

        foreach (var group in Synonyms)
        {
            if (Array.IndexOf(group, key) >= 0 && Array.IndexOf(group, candidate) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case letters and digits only: "User_Id" and "userId" both become "userid".</summary>
    public static string Normalize(string name)
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

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(IReadOnlyList<string> names)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == names.Count - 1 ? " and " : ", ");
            }

            builder.Append(names[i]);
        }

        return builder.ToString();
    }
}
