using System;
using System.IO;
using System.Text;

namespace SecurityRequirements.Attestation;

/// <summary>Writes the evidence files; the same bytes whether the build or the tool writes them.</summary>
public static class EvidenceFiles
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string JsonPath(string folder, string assemblyPath) => Path.Combine(folder, Path.GetFileNameWithoutExtension(assemblyPath) + AttestationKeys.JsonSuffix);

    public static string HtmlPath(string folder, string assemblyPath) => Path.Combine(folder, Path.GetFileNameWithoutExtension(assemblyPath) + AttestationKeys.HtmlSuffix);

    public static string InTotoPath(string folder, string assemblyPath) => Path.Combine(folder, Path.GetFileNameWithoutExtension(assemblyPath) + AttestationKeys.InTotoSuffix);

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 without BOM, creating the folder; leaves a file that
    /// already holds exactly these bytes untouched, so that its timestamp says when it last changed.
    /// </summary>
    public static void Write(string path, string text)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var bytes = Utf8.GetBytes(text);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (File.Exists(full) && new FileInfo(full).Length == bytes.Length && BytesEqual(File.ReadAllBytes(full), bytes))
        {
            return;
        }

        File.WriteAllBytes(full, bytes);
    }

    private static bool BytesEqual(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
