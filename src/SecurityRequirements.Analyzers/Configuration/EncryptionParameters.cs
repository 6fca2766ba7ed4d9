using System.Collections.Immutable;
using SecurityRequirements.Analyzers.Diagnostics;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>Parameters of a <c>check: encryption</c> control.</summary>
internal sealed class EncryptionParameters
{
    public const string Aes256Gcm = "AES-256-GCM";
    public const string Aes192Gcm = "AES-192-GCM";
    public const string Aes128Gcm = "AES-128-GCM";
    public const string ChaCha20Poly1305 = "ChaCha20-Poly1305";

    public static readonly EncryptionParameters Default = new(ImmutableArray.Create(Aes256Gcm), 256, null, null, forbidWeakHashes: false);

    private static readonly string[] KnownAlgorithms = { Aes256Gcm, Aes192Gcm, Aes128Gcm, ChaCha20Poly1305 };

    public EncryptionParameters(ImmutableArray<string> algorithms, int minKeyBits, int? keyRotationDays, string? keyStorage, bool forbidWeakHashes)
    {
        Algorithms = algorithms;
        MinKeyBits = minKeyBits;
        KeyRotationDays = keyRotationDays;
        KeyStorage = keyStorage;
        ForbidWeakHashes = forbidWeakHashes;
    }

    /// <summary>Allowed AEAD choices, canonical spelling.</summary>
    public ImmutableArray<string> Algorithms { get; }

    public int MinKeyBits { get; }

    /// <summary>Attested only: rotation cannot be checked at compile time.</summary>
    public int? KeyRotationDays { get; }

    /// <summary>Attested only.</summary>
    public string? KeyStorage { get; }

    public bool ForbidWeakHashes { get; }

    public bool Allows(string algorithm) => Algorithms.Contains(algorithm);

    /// <summary>The values the check applies, defaults included, for the attestation and the brief.</summary>
    public ImmutableArray<ParameterModel> Effective()
    {
        var builder = ImmutableArray.CreateBuilder<ParameterModel>();
        builder.Add(ParameterModel.List("algorithms", Algorithms));
        builder.Add(ParameterModel.Scalar("forbid_weak_hashes", ForbidWeakHashes ? "true" : "false"));
        if (KeyRotationDays is { } rotation)
        {
            builder.Add(ParameterModel.Scalar("key_rotation_days", rotation.ToString(System.Globalization.CultureInfo.InvariantCulture), attestedOnly: true));
        }

        if (KeyStorage is { } storage)
        {
            builder.Add(ParameterModel.Scalar("key_storage", storage, attestedOnly: true));
        }

        builder.Add(ParameterModel.Scalar("min_key_bits", MinKeyBits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return builder.ToImmutable();
    }

    public static EncryptionParameters Read(ParameterReader reader)
    {
        var algorithms = Default.Algorithms;
        var listed = reader.List("algorithms");
        if (!listed.IsDefault)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in listed)
            {
                var canonical = Canonical(item.Value);
                if (canonical is null)
                {
                    reader.Schema.Report(DiagnosticDescriptors.InvalidParameterValue, item.Span, item.Value, "algorithms",
                        "list one or more of " + string.Join(", ", KnownAlgorithms));
                }
                else if (!builder.Contains(canonical))
                {
                    builder.Add(canonical);
                }
            }

            if (builder.Count > 0)
            {
                algorithms = builder.ToImmutable();
            }
        }

        var minKeyBits = reader.OneOf("min_key_bits", 128, 192, 256) ?? ImpliedMinKeyBits(algorithms);
        var rotation = reader.Int("key_rotation_days", 1, 36500);
        var storage = reader.String("key_storage")?.Value;
        var forbidWeakHashes = reader.Bool("forbid_weak_hashes") ?? false;
        return new EncryptionParameters(algorithms, minKeyBits, rotation, storage, forbidWeakHashes);
    }

    private static int ImpliedMinKeyBits(ImmutableArray<string> algorithms)
    {
        // Listing AES-128-GCM as allowed implies 128-bit keys are acceptable.
        var min = 256;
        foreach (var algorithm in algorithms)
        {
            if (algorithm == Aes128Gcm)
            {
                min = 128;
            }
            else if (algorithm == Aes192Gcm && min > 192)
            {
                min = 192;
            }
        }

        return min;
    }

    private static string? Canonical(string value)
    {
        foreach (var known in KnownAlgorithms)
        {
            if (string.Equals(known, value, System.StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
