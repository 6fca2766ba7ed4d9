using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation;

/// <summary>
/// The report for a reader who does not read code: one self-contained page (no script, no external
/// resource) with the verdict first, then what the report is about (assembly hash, source revision,
/// requirements), the controls, waivers, suppressions and AI provenance.
/// </summary>
public static class AttestationReport
{
    public static string Render(AttestationManifest manifest, string? assemblyFileName, string? assemblySha256)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        var root = manifest.Root;
        var assembly = manifest.AssemblyName;
        var requirements = root.GetObject("requirements");
        var package = root.GetObject("package");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Security attestation: ").Append(E(assembly)).Append("</title>\n")
            .Append("<style>\n")
            .Append("body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;line-height:1.45}\n")
            .Append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}\n")
            .Append(".sub{color:#59636e;margin-top:0}.verdict{font-size:1.05rem;background:#f6f8fa;border-left:4px solid #0969da;padding:.8rem 1rem}\n")
            .Append(".partial{background:#fff8c5;border-left:4px solid #9a6700;padding:.8rem 1rem}\n")
            .Append("table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #d0d7de;padding:.4rem .55rem;text-align:left;vertical-align:top}th{background:#f6f8fa}\n")
            .Append(".status{font-weight:600;white-space:nowrap;border-radius:1rem;padding:.1rem .6rem;display:inline-block}\n")
            .Append(".enforced{background:#dafbe1;color:#116329}.not-compiler-verified,.partial-status,.weakened{background:#fff8c5;color:#7d4e00}.disabled{background:#eaeef2;color:#424a53}\n")
            .Append(".not-enforced,.expired{background:#ffebe9;color:#a40e26}.missing{color:#a40e26;font-style:italic}code{font-family:ui-monospace,Consolas,monospace;font-size:.88em;word-break:break-all}\n")
            .Append(".legend{color:#59636e;font-size:.88rem;margin-top:.6rem}.reasons{margin:.3rem 0 0 1rem;padding:0;font-size:.88rem}\n")
            .Append("dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}\n")
            .Append("</style>\n</head>\n<body>\n");

        html.Append("<h1>Security attestation: ").Append(E(assembly)).Append("</h1>\n")
            .Append("<p class=\"sub\">What the compiler enforced when this assembly was built.</p>\n")
            .Append("<p class=\"verdict\"><strong>What a successful build proves.</strong> ").Append(E(manifest.Verdict)).Append("</p>\n");
        if (manifest.Partial != false)
        {
            html.Append("<p class=\"partial\"><strong>Partial attestation.</strong> ")
                .Append(manifest.Partial == true
                    ? "The build did not apply the controls to all of its code or with all of their rules; the controls below say where and why."
                    : "The manifest does not say whether the attestation covers the whole build, so read it as partial.")
                .Append("</p>\n");
        }

        html.Append("<dl>\n");
        if (assemblySha256 is not null)
        {
            html.Append("<dt>Assembly</dt><dd><code>").Append(E(assemblyFileName ?? assembly)).Append("</code></dd>\n")
                .Append("<dt>Assembly SHA-256</dt><dd><code>").Append(E(assemblySha256)).Append("</code> (compare with <code>sha256sum</code> of the file you hold)</dd>\n");
        }

        html.Append("<dt>Source revision</dt><dd>").Append(manifest.SourceRevision is { Length: > 0 } revision
                ? "<code>" + E(revision) + "</code>"
                : "not recorded by the build (set <code>SourceRevisionId</code>; Source Link and most CI systems do)").Append("</dd>\n")
            .Append("<dt>Requirements</dt><dd>").Append(string.Equals(manifest.RequirementsSource, "baseline", StringComparison.Ordinal)
                ? "built-in baseline (no security_requirements.yaml)"
                : E(requirements.GetString("file"))).Append(" (version ").Append(E(requirements.GetString("version"))).Append(")</dd>\n")
            .Append("<dt>Requirements SHA-256</dt><dd><code>").Append(E(requirements.GetString("sha256"))).Append("</code></dd>\n");
        for (var i = 1; i < manifest.RequirementsFiles.Count; i++)
        {
            var file = manifest.RequirementsFiles[i];
            html.Append("<dt>Also read</dt><dd>").Append(E(file.File)).Append(", SHA-256 <code>").Append(E(file.Sha256)).Append("</code></dd>\n");
        }

        html.Append("<dt>Checked by</dt><dd>").Append(E(package.GetString("name"))).Append(' ').Append(E(package.GetString("version"))).Append("</dd>\n")
            .Append("</dl>\n");

        html.Append("<h2>Controls</h2>\n<table>\n<tr><th>Control</th><th>Requirement</th><th>Check</th><th>Severity</th><th>Status</th><th>Vouched for</th><th>Enforcing rules</th><th>Parameters</th></tr>\n");
        foreach (var control in manifest.Controls)
        {
            var status = control.Status;
            html.Append("<tr><td><strong>").Append(E(control.Id)).Append("</strong><br>").Append(E(control.Name)).Append("</td>")
                .Append("<td>").Append(E(control.Requirement)).Append("</td>")
                .Append("<td>").Append(E(control.Check)).Append(control.Inferred ? " <em>(inferred from the text)</em>" : string.Empty).Append("</td>")
                .Append("<td>").Append(string.Equals(status, "not-compiler-verified", StringComparison.Ordinal) ? "n/a" : E(control.Severity)).Append("</td>")
                .Append("<td><span class=\"status ").Append(StatusClass(status)).Append("\">").Append(E(StatusText(status))).Append("</span>");
            if (control.StatusReasons.Count > 0)
            {
                html.Append("<ul class=\"reasons\">");
                foreach (var reason in control.StatusReasons)
                {
                    html.Append("<li>").Append(E(reason)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td>")
                .Append("<td>").Append(control.Vouched ? "yes" : "no").Append("</td>")
                .Append("<td>").Append(E(string.Join(", ", control.Rules))).Append("</td>")
                .Append("<td>").Append(Parameters(control.Parameters, string.Empty)).Append(Parameters(control.Attested, " (attested, not compiler-checked)")).Append("</td></tr>\n");
        }

        html.Append("</table>\n")
            .Append("<p class=\"legend\"><span class=\"status enforced\">enforced</span> a compiler rule reports every violation at the listed severity; ")
            .Append("<span class=\"status partial-status\">partial</span> or <span class=\"status weakened\">weakened</span> the rules run, but a build setting leaves part of the code or of the severity out (the reasons say which); ")
            .Append("<span class=\"status not-enforced\">not enforced</span> the rules did not run in this build; ")
            .Append("<span class=\"status not-compiler-verified\">not compiler-verified</span> no built-in check covers the control, so it needs evidence from elsewhere; ")
            .Append("<span class=\"status disabled\">disabled</span> the control's rules report nothing (severity none). ")
            .Append("<strong>Vouched for</strong>: the verdict guarantees that a violation of the control fails the build.</p>\n");

        AppendWaivers(html, manifest);
        AppendSuppressions(html, root.GetArray("suppressions"));

        var ai = root.GetObject("aiProvenance");
        var files = ai.GetStrings("files");
        html.Append("<h2>AI provenance</h2>\n<p>").Append(files.Count == 0 ? "No source file" : files.Count == 1 ? "1 source file" : files.Count.ToString(CultureInfo.InvariantCulture) + " source files")
            .Append(" carries an AI-assistance marker in its header; every file was analysed under the same controls. Markers searched: ")
            .Append(E(string.Join(", ", ai.GetStrings("markers")))).Append(".</p>\n");
        if (files.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var file in files)
            {
                html.Append("<li><code>").Append(E(file)).Append("</code></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<p class=\"sub\">Manifest schema ").Append(manifest.SchemaVersion.ToString(CultureInfo.InvariantCulture))
            .Append(". The same content is embedded in the assembly; the JSON file beside this page is the manifest with the assembly's SHA-256 added.</p>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendWaivers(StringBuilder html, AttestationManifest manifest)
    {
        html.Append("<h2>Waivers</h2>\n");
        if (manifest.Waivers.Count == 0)
        {
            html.Append("<p>No waivers.</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th>Control</th><th>Scope</th><th>Justification</th><th>Approved by</th><th>Expires</th></tr>\n");
        foreach (var waiver in manifest.Waivers)
        {
            html.Append("<tr><td>").Append(E(waiver.Control)).Append("</td>")
                .Append("<td><code>").Append(E(waiver.Scope)).Append("</code>").Append(waiver.ProjectWide ? " (the whole project)" : string.Empty).Append("</td>")
                .Append("<td>").Append(E(waiver.Justification)).Append("</td>")
                .Append("<td>").Append(E(waiver.ApprovedBy ?? "-")).Append("</td>")
                .Append(waiver.Active ? "<td>" : "<td class=\"expired\">")
                .Append(waiver.OpenEnded ? "never (open-ended)" : E(waiver.Expires)).Append(waiver.Active ? string.Empty : " (expired: no longer applies)").Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void AppendSuppressions(StringBuilder html, JsonArray suppressions)
    {
        html.Append("<h2>Suppressions in the source code</h2>\n");
        if (suppressions.Count == 0)
        {
            html.Append("<p>No rule of this package is suppressed in the source code.</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th>Rule</th><th>Where</th><th>How</th><th>Justification</th></tr>\n");
        foreach (var item in suppressions)
        {
            var suppression = item as JsonObject ?? new JsonObject();
            var id = suppression.GetString("id");
            var justification = suppression.GetString("justification");
            html.Append("<tr><td>").Append(id == "*" ? "all warnings" : E(id)).Append("</td>")
                .Append("<td><code>").Append(E(suppression.GetString("file"))).Append(':').Append(E(Scalar(suppression, "line"))).Append("</code></td>")
                .Append("<td>").Append(suppression.GetString("kind") == "pragma" ? "#pragma warning disable" : "[SuppressMessage]").Append("</td>")
                .Append(string.IsNullOrEmpty(justification) ? "<td class=\"missing\">none given</td>" : "<td>" + E(justification) + "</td>")
                .Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string StatusText(string? status) => status switch
    {
        "not-compiler-verified" => "not compiler-verified",
        "not-enforced" => "not enforced",
        null => "unknown",
        _ => status,
    };

    // "partial" is also the class of the page-level notice; the status pill gets its own.
    private static string StatusClass(string? status) => status switch
    {
        "enforced" or "weakened" or "not-enforced" or "not-compiler-verified" or "disabled" => status,
        "partial" => "partial-status",
        _ => "not-enforced",
    };

    private static string Parameters(JsonObject parameters, string suffix)
    {
        var html = new StringBuilder();
        foreach (var pair in parameters.Members)
        {
            string value;
            if (pair.Value is JsonArray list)
            {
                var items = new List<string>();
                foreach (var item in list)
                {
                    items.Add(ScalarText(item));
                }

                value = string.Join(", ", items);
            }
            else
            {
                value = ScalarText(pair.Value);
            }

            html.Append("<code>").Append(E(pair.Key)).Append("</code>: ").Append(E(value)).Append(E(suffix)).Append("<br>");
        }

        return html.ToString();
    }

    private static string Scalar(JsonObject parent, string key) => parent.TryGetValue(key, out var value) ? ScalarText(value) : string.Empty;

    private static string ScalarText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        JsonNumber number => number.Text,
        _ => JsonWriter.Write(value).TrimEnd('\n'),
    };

    /// <summary>
    /// HTML-escapes the five characters that matter and nothing else: the page is UTF-8, and the same
    /// bytes must come out of MSBuild on .NET Framework and on .NET, whose WebUtility encoders differ.
    /// </summary>
    private static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? encoded = null;
        for (var i = 0; i < text!.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                encoded?.Append(text[i]);
                continue;
            }

            encoded ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            encoded.Append(replacement);
        }

        return encoded?.ToString() ?? text;
    }
}
