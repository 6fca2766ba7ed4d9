using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecurityRequirements.Attestation;

/// <summary>Lower-case hex SHA-256, the spelling every file and the manifest use.</summary>
public static class Sha256Hex
{
    public static string Of(byte[] bytes)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(bytes);
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Of the UTF-8 bytes (no BOM) of <paramref name="text"/>: how the generator hashes the manifest and the YAML.</summary>
    public static string OfText(string text) => Of(EvidenceFiles.Utf8.GetBytes(text));

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (value is null || value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not (>= '0' and <= '9') and not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
