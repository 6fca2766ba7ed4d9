using System.Globalization;
using System.Text;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>Lower-case hex SHA-256 of the UTF-8 bytes (no BOM) of a text: how the attestation names files and manifests.</summary>
internal static class Sha256
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Hex(string text)
    {
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(Utf8NoBom.GetBytes(text));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
