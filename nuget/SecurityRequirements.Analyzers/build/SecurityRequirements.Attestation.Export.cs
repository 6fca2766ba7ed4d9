// Shared by two hosts, so it keeps to what both have:
//  - the package's .targets compile it with MSBuild's RoslynCodeTaskFactory (netstandard references
//    only: no System.Text.Json, no System.Reflection.Metadata), for the post-build export;
//  - the SecurityRequirements.Attestation.Cli project compiles it with SRA_ATTESTATION_CLI defined,
//    for the HTML report and the JSON reader, and reads the assembly with System.Reflection.Metadata.
// It holds several types because RoslynCodeTaskFactory compiles exactly one source file.
#nullable disable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SecurityRequirements.Attestation.Export
{
#if !SRA_ATTESTATION_CLI
    /// <summary>
    /// Writes <c>$(TargetName).security-attestation.json</c> and <c>.html</c> from the manifest the
    /// attestation generator embedded in the built assembly as <c>AssemblyMetadata</c>.
    /// </summary>
    public sealed class SecurityRequirementsExportAttestation : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string AssemblyPath { get; set; }

        [Microsoft.Build.Framework.Required]
        public string JsonPath { get; set; }

        [Microsoft.Build.Framework.Required]
        public string HtmlPath { get; set; }

        public override bool Execute()
        {
            if (!File.Exists(AssemblyPath))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "SecurityRequirements: no assembly at '{0}'; no attestation written.", AssemblyPath);
                return true;
            }

            string manifest;
            string error;
            if (!AttestationFiles.TryReadFromImage(File.ReadAllBytes(AssemblyPath), out manifest, out error))
            {
                if (manifest == null && error == null)
                {
                    // The generator did not run (a project without C# sources, or the analyzers were disabled).
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "SecurityRequirements: '{0}' holds no attestation; none written.", AssemblyPath);
                    return true;
                }

                Log.LogError("SecurityRequirements: the attestation in '{0}' is unreadable: {1}", AssemblyPath, error);
                return false;
            }

            AttestationFiles.Write(manifest, JsonPath, HtmlPath);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "SecurityRequirements: attestation written to {0} and {1}", JsonPath, HtmlPath);
            return true;
        }
    }

    /// <summary>
    /// Writes <c>security-requirements.brief.md</c> from the brief the generator embedded, when asked to by the
    /// SecurityRequirementsBrief target, in the stub assembly that target compiles.
    /// </summary>
    public sealed class SecurityRequirementsExportBrief : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string AssemblyPath { get; set; }

        [Microsoft.Build.Framework.Required]
        public string BriefPath { get; set; }

        public override bool Execute()
        {
            var brief = File.Exists(AssemblyPath) ? AttestationFiles.ReadBriefFromImage(File.ReadAllBytes(AssemblyPath)) : null;
            if (brief == null)
            {
                Log.LogError("SecurityRequirements: no requirements brief in '{0}': the SecurityRequirements.Analyzers generator did not run in the brief's stub compilation.", AssemblyPath);
                return false;
            }

            AttestationFiles.WriteBrief(brief, BriefPath);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "SecurityRequirements: requirements brief written to {0}", BriefPath);
            return true;
        }
    }
#endif

    /// <summary>Reads the manifest back and writes the JSON and HTML files; the same bytes from the build and from the command.</summary>
    public static class AttestationFiles
    {
        public const string ManifestKey = "SecurityRequirements.Attestation.Manifest";
        public const string ManifestSha256Key = "SecurityRequirements.Attestation.ManifestSha256";
        public const string BriefKey = "SecurityRequirements.Brief";
        public const string BriefFileName = "security-requirements.brief.md";

        public static readonly Encoding Utf8 = new UTF8Encoding(false);

        public static void Write(string manifest, string jsonPath, string htmlPath)
        {
            if (jsonPath != null)
            {
                CreateFolderOf(jsonPath);
                File.WriteAllBytes(jsonPath, Utf8.GetBytes(manifest));
            }

            if (htmlPath != null)
            {
                CreateFolderOf(htmlPath);
                File.WriteAllBytes(htmlPath, Utf8.GetBytes(AttestationReport.Render(manifest)));
            }
        }

        /// <summary>The requirements brief embedded in the image, or null when there is none.</summary>
        public static string ReadBriefFromImage(byte[] image) => ReadMetadataValue(image, BriefKey);

        public static void WriteBrief(string brief, string briefPath)
        {
            CreateFolderOf(briefPath);
            File.WriteAllBytes(briefPath, Utf8.GetBytes(brief));
        }

        /// <summary>Checks the manifest against the hash stored beside it; null when they agree.</summary>
        public static string Verify(string manifest, string sha256)
        {
            if (manifest == null)
            {
                return null;
            }

            if (sha256 == null)
            {
                return "the manifest has no " + ManifestSha256Key + " entry";
            }

            var actual = Sha256Hex(Utf8.GetBytes(manifest));
            return string.Equals(actual, sha256, StringComparison.Ordinal)
                ? null
                : "the manifest's SHA-256 is " + actual + " but the assembly records " + sha256;
        }

        /// <summary>
        /// Finds the two AssemblyMetadata values in the raw image without a metadata reader (MSBuild's
        /// inline tasks cannot reference System.Reflection.Metadata). A custom attribute blob is the
        /// prolog 01 00 followed by length-prefixed UTF-8 strings, so the key with its prolog and
        /// length is an exact byte pattern; the recorded SHA-256 then proves the value read is whole.
        /// False with both outputs null when the image holds no attestation.
        /// </summary>
        public static bool TryReadFromImage(byte[] image, out string manifest, out string error)
        {
            manifest = ReadMetadataValue(image, ManifestKey);
            var sha = ReadMetadataValue(image, ManifestSha256Key);
            error = manifest == null && sha == null ? null : Verify(manifest, sha) ?? (manifest == null ? "the manifest entry is missing" : null);
            return manifest != null && error == null;
        }

        public static string Sha256Hex(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var text = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return text.ToString();
            }
        }

        private static string ReadMetadataValue(byte[] image, string key)
        {
            var keyBytes = Utf8.GetBytes(key);
            var pattern = new byte[keyBytes.Length + 3];
            pattern[0] = 1;
            pattern[1] = 0;
            pattern[2] = (byte)keyBytes.Length;
            Array.Copy(keyBytes, 0, pattern, 3, keyBytes.Length);

            for (var start = IndexOf(image, pattern, 0); start >= 0; start = IndexOf(image, pattern, start + 1))
            {
                var position = start + pattern.Length;
                int length;
                if (!TryReadCompressedLength(image, ref position, out length) || position + length > image.Length)
                {
                    continue;
                }

                return Utf8.GetString(image, position, length);
            }

            return null;
        }

        // ECMA-335 II.23.2: 1, 2 or 4 bytes, big-endian, with the length of the encoding in the top bits.
        private static bool TryReadCompressedLength(byte[] image, ref int position, out int length)
        {
            length = 0;
            if (position >= image.Length)
            {
                return false;
            }

            var first = image[position];
            if ((first & 0x80) == 0)
            {
                length = first;
                position += 1;
                return true;
            }

            if ((first & 0xC0) == 0x80 && position + 1 < image.Length)
            {
                length = ((first & 0x3F) << 8) | image[position + 1];
                position += 2;
                return true;
            }

            if ((first & 0xE0) == 0xC0 && position + 3 < image.Length)
            {
                length = ((first & 0x1F) << 24) | (image[position + 1] << 16) | (image[position + 2] << 8) | image[position + 3];
                position += 4;
                return true;
            }

            return false;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (var i = from; i <= haystack.Length - needle.Length; i++)
            {
                var j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static void CreateFolderOf(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
    }

    /// <summary>
    /// The report for a reader who does not read code: one self-contained page (no script, no
    /// external resource) with the verdict first, then controls, waivers, suppressions and provenance.
    /// </summary>
    public static class AttestationReport
    {
        public static string Render(string manifestJson)
        {
            var root = MiniJson.Parse(manifestJson) as Dictionary<string, object> ?? new Dictionary<string, object>();
            var assembly = Str(root, "assembly");
            var requirements = Obj(root, "requirements");
            var package = Obj(root, "package");
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<title>Security attestation: ").Append(E(assembly)).Append("</title>\n")
                .Append("<style>\n")
                .Append("body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.45}\n")
                .Append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}\n")
                .Append(".sub{color:#59636e;margin-top:0}.verdict{font-size:1.05rem;background:#f6f8fa;border-left:4px solid #0969da;padding:.8rem 1rem}\n")
                .Append("table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #d0d7de;padding:.4rem .55rem;text-align:left;vertical-align:top}th{background:#f6f8fa}\n")
                .Append(".status{font-weight:600;white-space:nowrap;border-radius:1rem;padding:.1rem .6rem;display:inline-block}\n")
                .Append(".enforced{background:#dafbe1;color:#116329}.not-compiler-verified{background:#fff8c5;color:#7d4e00}.disabled{background:#eaeef2;color:#424a53}\n")
                .Append(".expired{background:#ffebe9;color:#a40e26}.missing{color:#a40e26;font-style:italic}code{font-family:ui-monospace,Consolas,monospace;font-size:.88em;word-break:break-all}\n")
                .Append(".legend{color:#59636e;font-size:.88rem;margin-top:.6rem}\n")
                .Append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}\n")
                .Append("</style>\n</head>\n<body>\n");

            html.Append("<h1>Security attestation: ").Append(E(assembly)).Append("</h1>\n")
                .Append("<p class=\"sub\">What the compiler enforced when this assembly was built.</p>\n")
                .Append("<p class=\"verdict\"><strong>What a successful build proves.</strong> ").Append(E(Str(root, "verdict"))).Append("</p>\n");

            html.Append("<dl>\n")
                .Append("<dt>Requirements</dt><dd>").Append(Str(requirements, "source") == "baseline"
                    ? "built-in baseline (no security_requirements.yaml)"
                    : E(Str(requirements, "file"))).Append(" (version ").Append(E(Str(requirements, "version"))).Append(")</dd>\n")
                .Append("<dt>Requirements SHA-256</dt><dd><code>").Append(E(Str(requirements, "sha256"))).Append("</code></dd>\n")
                .Append("<dt>Checked by</dt><dd>").Append(E(Str(package, "name"))).Append(' ').Append(E(Str(package, "version"))).Append("</dd>\n")
                .Append("</dl>\n");

            html.Append("<h2>Controls</h2>\n<table>\n<tr><th>Control</th><th>Requirement</th><th>Check</th><th>Severity</th><th>Status</th><th>Enforcing rules</th><th>Parameters</th></tr>\n");
            foreach (var item in Arr(root, "controls"))
            {
                var control = item as Dictionary<string, object> ?? new Dictionary<string, object>();
                var status = Str(control, "status");
                html.Append("<tr><td><strong>").Append(E(Str(control, "id"))).Append("</strong><br>").Append(E(Str(control, "name"))).Append("</td>")
                    .Append("<td>").Append(E(Str(control, "requirement"))).Append("</td>")
                    .Append("<td>").Append(Str(control, "check") == "none" ? "none" : E(Str(control, "check"))).Append(Bool(control, "inferred") ? " <em>(inferred from the text)</em>" : string.Empty).Append("</td>")
                    .Append("<td>").Append(status == "not-compiler-verified" ? "n/a" : E(Str(control, "severity"))).Append("</td>")
                    .Append("<td><span class=\"status ").Append(E(status)).Append("\">").Append(E(StatusText(status))).Append("</span></td>")
                    .Append("<td>").Append(E(string.Join(", ", Strings(Arr(control, "rules"))))).Append("</td>")
                    .Append("<td>").Append(Parameters(Obj(control, "parameters"), string.Empty)).Append(Parameters(Obj(control, "attested"), " (attested, not compiler-checked)")).Append("</td></tr>\n");
            }

            html.Append("</table>\n")
                .Append("<p class=\"legend\"><span class=\"status enforced\">enforced</span> a compiler rule reports every violation at the listed severity; ")
                .Append("<span class=\"status not-compiler-verified\">not compiler-verified</span> no built-in check covers the control, so it needs evidence from elsewhere; ")
                .Append("<span class=\"status disabled\">disabled</span> the control's rules report nothing (severity none).</p>\n");

            var waivers = Arr(root, "waivers");
            html.Append("<h2>Waivers</h2>\n");
            if (waivers.Count == 0)
            {
                html.Append("<p>No waivers.</p>\n");
            }
            else
            {
                html.Append("<table>\n<tr><th>Control</th><th>Scope</th><th>Justification</th><th>Approved by</th><th>Expires</th></tr>\n");
                foreach (var item in waivers)
                {
                    var waiver = item as Dictionary<string, object> ?? new Dictionary<string, object>();
                    var active = Bool(waiver, "active");
                    var expires = Str(waiver, "expires");
                    html.Append("<tr><td>").Append(E(Str(waiver, "control"))).Append("</td>")
                        .Append("<td><code>").Append(E(Str(waiver, "scope"))).Append("</code></td>")
                        .Append("<td>").Append(E(Str(waiver, "justification"))).Append("</td>")
                        .Append("<td>").Append(E(Str(waiver, "approvedBy") ?? "-")).Append("</td>")
                        .Append(active ? "<td>" : "<td class=\"expired\">")
                        .Append(E(expires ?? "never")).Append(active ? string.Empty : " (expired: no longer applies)").Append("</td></tr>\n");
                }

                html.Append("</table>\n");
            }

            var suppressions = Arr(root, "suppressions");
            html.Append("<h2>Suppressions in the source code</h2>\n");
            if (suppressions.Count == 0)
            {
                html.Append("<p>No rule of this package is suppressed in the source code.</p>\n");
            }
            else
            {
                html.Append("<table>\n<tr><th>Rule</th><th>Where</th><th>How</th><th>Justification</th></tr>\n");
                foreach (var item in suppressions)
                {
                    var suppression = item as Dictionary<string, object> ?? new Dictionary<string, object>();
                    var id = Str(suppression, "id");
                    var justification = Str(suppression, "justification");
                    html.Append("<tr><td>").Append(id == "*" ? "all warnings" : E(id)).Append("</td>")
                        .Append("<td><code>").Append(E(Str(suppression, "file"))).Append(':').Append(E(Num(suppression, "line"))).Append("</code></td>")
                        .Append("<td>").Append(Str(suppression, "kind") == "pragma" ? "#pragma warning disable" : "[SuppressMessage]").Append("</td>")
                        .Append(string.IsNullOrEmpty(justification) ? "<td class=\"missing\">none given</td>" : "<td>" + E(justification) + "</td>")
                        .Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            var ai = Obj(root, "aiProvenance");
            var files = Strings(Arr(ai, "files"));
            html.Append("<h2>AI provenance</h2>\n<p>").Append(files.Count == 0 ? "No source file" : files.Count == 1 ? "1 source file" : files.Count + " source files")
                .Append(" carries an AI-assistance marker in its header; every file was analysed under the same controls. Markers searched: ")
                .Append(E(string.Join(", ", Strings(Arr(ai, "markers"))))).Append(".</p>\n");
            if (files.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var file in files)
                {
                    html.Append("<li><code>").Append(E(file)).Append("</code></li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("<p class=\"sub\">Manifest schema ").Append(E(Num(root, "schemaVersion"))).Append(". The same content is embedded in the assembly; the JSON file beside this page is the manifest itself.</p>\n")
                .Append("</body>\n</html>\n");
            return html.ToString();
        }

        private static string StatusText(string status)
        {
            switch (status)
            {
                case "enforced": return "enforced";
                case "not-compiler-verified": return "not compiler-verified";
                case "disabled": return "disabled";
                default: return status ?? string.Empty;
            }
        }

        private static string Parameters(Dictionary<string, object> parameters, string suffix)
        {
            var html = new StringBuilder();
            foreach (var pair in parameters)
            {
                var list = pair.Value as List<object>;
                var value = list != null ? string.Join(", ", Strings(list)) : Convert.ToString(pair.Value, CultureInfo.InvariantCulture);
                html.Append("<code>").Append(E(pair.Key)).Append("</code>: ").Append(E(value)).Append(E(suffix)).Append("<br>");
            }

            return html.ToString();
        }

        private static string E(string text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private static Dictionary<string, object> Obj(Dictionary<string, object> parent, string key)
        {
            object value;
            return parent.TryGetValue(key, out value) && value is Dictionary<string, object> ? (Dictionary<string, object>)value : new Dictionary<string, object>();
        }

        private static List<object> Arr(Dictionary<string, object> parent, string key)
        {
            object value;
            return parent.TryGetValue(key, out value) && value is List<object> ? (List<object>)value : new List<object>();
        }

        private static string Str(Dictionary<string, object> parent, string key)
        {
            object value;
            return parent.TryGetValue(key, out value) ? value as string : null;
        }

        private static string Num(Dictionary<string, object> parent, string key)
        {
            object value;
            return parent.TryGetValue(key, out value) && value is double ? ((double)value).ToString(CultureInfo.InvariantCulture) : string.Empty;
        }

        private static bool Bool(Dictionary<string, object> parent, string key)
        {
            object value;
            return parent.TryGetValue(key, out value) && value is bool && (bool)value;
        }

        private static List<string> Strings(List<object> items)
        {
            var strings = new List<string>();
            foreach (var item in items)
            {
                strings.Add(Convert.ToString(item, CultureInfo.InvariantCulture));
            }

            return strings;
        }
    }

    /// <summary>A strict reader for the manifest's JSON: objects keep their key order; numbers are doubles.</summary>
    public static class MiniJson
    {
        public static object Parse(string text)
        {
            var position = 0;
            var value = ReadValue(text, ref position);
            SkipWhitespace(text, ref position);
            if (position != text.Length)
            {
                throw new FormatException("Unexpected text after the JSON value at offset " + position + ".");
            }

            return value;
        }

        private static object ReadValue(string text, ref int position)
        {
            SkipWhitespace(text, ref position);
            if (position >= text.Length)
            {
                throw new FormatException("Unexpected end of JSON.");
            }

            var c = text[position];
            if (c == '{')
            {
                position++;
                var result = new Dictionary<string, object>(StringComparer.Ordinal);
                SkipWhitespace(text, ref position);
                if (Peek(text, position) == '}')
                {
                    position++;
                    return result;
                }

                while (true)
                {
                    SkipWhitespace(text, ref position);
                    var key = ReadString(text, ref position);
                    SkipWhitespace(text, ref position);
                    Expect(text, ref position, ':');
                    result[key] = ReadValue(text, ref position);
                    SkipWhitespace(text, ref position);
                    if (Peek(text, position) == ',')
                    {
                        position++;
                        continue;
                    }

                    Expect(text, ref position, '}');
                    return result;
                }
            }

            if (c == '[')
            {
                position++;
                var result = new List<object>();
                SkipWhitespace(text, ref position);
                if (Peek(text, position) == ']')
                {
                    position++;
                    return result;
                }

                while (true)
                {
                    result.Add(ReadValue(text, ref position));
                    SkipWhitespace(text, ref position);
                    if (Peek(text, position) == ',')
                    {
                        position++;
                        continue;
                    }

                    Expect(text, ref position, ']');
                    return result;
                }
            }

            if (c == '"')
            {
                return ReadString(text, ref position);
            }

            if (Matches(text, ref position, "true"))
            {
                return true;
            }

            if (Matches(text, ref position, "false"))
            {
                return false;
            }

            if (Matches(text, ref position, "null"))
            {
                return null;
            }

            var start = position;
            while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
            {
                position++;
            }

            double number;
            if (position == start || !double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw new FormatException("Unexpected character '" + c + "' at offset " + start + ".");
            }

            return number;
        }

        private static string ReadString(string text, ref int position)
        {
            Expect(text, ref position, '"');
            var result = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position++];
                if (c == '"')
                {
                    return result.ToString();
                }

                if (c != '\\')
                {
                    result.Append(c);
                    continue;
                }

                if (position >= text.Length)
                {
                    break;
                }

                var escape = text[position++];
                switch (escape)
                {
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 't': result.Append('\t'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'u':
                        if (position + 4 > text.Length)
                        {
                            throw new FormatException("Truncated \\u escape.");
                        }

                        result.Append((char)int.Parse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        position += 4;
                        break;
                    default: result.Append(escape); break;
                }
            }

            throw new FormatException("Unterminated JSON string.");
        }

        private static bool Matches(string text, ref int position, string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0)
            {
                position += word.Length;
                return true;
            }

            return false;
        }

        private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

        private static void Expect(string text, ref int position, char expected)
        {
            if (Peek(text, position) != expected)
            {
                throw new FormatException("Expected '" + expected + "' at offset " + position + ".");
            }

            position++;
        }

        private static void SkipWhitespace(string text, ref int position)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}
