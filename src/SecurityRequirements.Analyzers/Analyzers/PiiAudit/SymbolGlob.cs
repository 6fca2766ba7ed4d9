using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// A glob over <c>Type.Member</c> or <c>Namespace.Type.Member</c> (pii_members, audit_methods) matched against a
/// symbol. Its last two segments are checked first against the member's and the type's own names, which costs no
/// allocation; only a symbol that passes has its names formatted (the type's full name once per type).
/// </summary>
internal sealed class SymbolGlob
{
    private readonly GlobPattern _glob;
    private readonly string? _memberSegment;
    private readonly string? _typeSegment;
    private readonly Segment _member;
    private readonly Segment _type;

    private SymbolGlob(GlobPattern glob)
    {
        _glob = glob;
        var text = glob.Text;
        var lastDot = text.LastIndexOf('.');
        if (lastDot <= 0 || text.IndexOf("**", lastDot, StringComparison.Ordinal) >= 0)
        {
            return;
        }

        _memberSegment = text.Substring(lastDot + 1);
        _member = new Segment(_memberSegment, glob.IgnoreCase);
        var typeDot = text.LastIndexOf('.', lastDot - 1);
        var typeSegment = text.Substring(typeDot + 1, lastDot - typeDot - 1);
        if (typeSegment.IndexOf("**", StringComparison.Ordinal) < 0)
        {
            _typeSegment = typeSegment;
            _type = new Segment(typeSegment, glob.IgnoreCase);
        }
    }

    public static ImmutableArray<SymbolGlob> Create(ImmutableArray<GlobPattern> globs)
    {
        if (globs.IsDefaultOrEmpty)
        {
            return ImmutableArray<SymbolGlob>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<SymbolGlob>(globs.Length);
        foreach (var glob in globs)
        {
            builder.Add(new SymbolGlob(glob));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>False when no member named <paramref name="member"/> can match, whatever its type (a check on the name alone).</summary>
    public bool MayMatchMember(string member) => _memberSegment is null || _member.IsMatch(member);

    /// <summary>False when no member of a type named <paramref name="typeName"/> can match (a check on the type's own name alone).</summary>
    public bool MayMatchType(string typeName) => _typeSegment is null || _type.IsMatch(typeName);

    /// <summary>True when <c>type.member</c>, simple or namespace-qualified, matches.</summary>
    public bool IsMatch(INamedTypeSymbol type, string member, ConcurrentDictionary<INamedTypeSymbol, string> fullNames)
    {
        if (!MayMatchMember(member) || !MayMatchType(type.Name))
        {
            return false;
        }

        if (_glob.IsMatch(type.Name + "." + member))
        {
            return true;
        }

        if (!fullNames.TryGetValue(type, out var full))
        {
            full = fullNames.GetOrAdd(type, PiiClassifier.FullName(type, null));
        }

        return _glob.IsMatch(full + "." + member);
    }

    /// <summary>
    /// One segment of the glob, matched against every member or type name a project reads: "*", a plain name, "*Suffix"
    /// and "Prefix*" (nearly every real glob) are one string comparison; anything else runs the wildcard matcher.
    /// </summary>
    private readonly struct Segment
    {
        private readonly string _text;
        private readonly SegmentShape _shape;
        private readonly StringComparison _comparison;
        private readonly bool _ignoreCase;

        public Segment(string pattern, bool ignoreCase)
        {
            _ignoreCase = ignoreCase;
            _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var inner = pattern.Trim('*');
            if (inner.Length == 0)
            {
                (_text, _shape) = (string.Empty, SegmentShape.Any);
            }
            else if (inner.IndexOf('*') >= 0 || inner.IndexOf('?') >= 0)
            {
                (_text, _shape) = (pattern, SegmentShape.Wildcard);
            }
            else
            {
                var leadingStar = pattern[0] == '*';
                var trailingStar = pattern[pattern.Length - 1] == '*';
                _text = inner;
                _shape = leadingStar && trailingStar ? SegmentShape.Contains : leadingStar ? SegmentShape.Suffix : trailingStar ? SegmentShape.Prefix : SegmentShape.Exact;
            }
        }

        public bool IsMatch(string value) => _shape switch
        {
            SegmentShape.Any => true,
            SegmentShape.Exact => value.Length == _text.Length && string.Equals(value, _text, _comparison),
            SegmentShape.Suffix => value.EndsWith(_text, _comparison),
            SegmentShape.Prefix => value.StartsWith(_text, _comparison),
            SegmentShape.Contains => value.IndexOf(_text, _comparison) >= 0,
            _ => Wildcard.IsMatch(_text, value, _ignoreCase),
        };
    }

    private enum SegmentShape
    {
        Any,
        Exact,
        Suffix,
        Prefix,
        Contains,
        Wildcard,
    }

    /// <summary>'*' and '?' within one name, no separators: the classic two-pointer match with one backtrack point.</summary>
    private static class Wildcard
    {
        public static bool IsMatch(string pattern, string value, bool ignoreCase)
        {
            int p = 0, v = 0, star = -1, resume = 0;
            while (v < value.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], value[v], ignoreCase)))
                {
                    p++;
                    v++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    resume = v;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    v = ++resume;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool CharEquals(char expected, char actual, bool ignoreCase) =>
            expected == actual || (ignoreCase && char.ToUpperInvariant(expected) == char.ToUpperInvariant(actual));
    }
}
