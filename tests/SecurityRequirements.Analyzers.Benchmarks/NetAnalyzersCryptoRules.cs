using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>NetAnalyzers' cryptography rules: the subset that overlaps our encryption control.</summary>
internal static class NetAnalyzersCryptoRules
{
    public static readonly ImmutableHashSet<string> Ids = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CA5350", // weak algorithms (TripleDES, SHA1, RIPEMD160)
        "CA5351", // broken algorithms (DES, MD5, RC2)
        "CA5358", // unsafe cipher modes
        "CA5359", // certificate validation disabled
        "CA5373", // obsolete key derivation
        "CA5379", // weak key derivation hash
        "CA5384", // DSA
        "CA5385", // RSA key size
        "CA5387", // weak key derivation iteration count
        "CA5388", // key derivation iteration count possibly weak
        "CA5390", // hard-coded encryption key
        "CA5401", // CreateEncryptor with a non-default IV
        "CA5402"); // CreateEncryptor with the default IV
}
