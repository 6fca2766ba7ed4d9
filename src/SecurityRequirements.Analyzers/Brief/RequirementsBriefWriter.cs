using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Diagnostics;
using SecurityRequirements.Analyzers.Internal;
using SecurityRequirements.Analyzers.Prescriptions;

namespace SecurityRequirements.Analyzers.Brief;

/// <summary>
/// Writes <c>security-requirements.brief.md</c>: for each control, its requirement, the rules the compiler enforces
/// it with (what to write, whether a code fix exists, the remedy by hand) and the prescribed implementation as
/// C# that compiles as it is. Meant to be read by people and by AI coding agents before they write code, and
/// included verbatim in an agent's instruction file. Deterministic: controls by id, "\n" line ends, no dates.
/// </summary>
internal static class RequirementsBriefWriter
{
    public const string FileName = "security-requirements.brief.md";

    /// <summary>The heading above each snippet that compiles as it is; a test compiles every block that follows one.</summary>
    public const string ImplementationHeading = "Prescribed implementation";

    public static string Write(ResolvedPolicy policy, Func<CheckKind, ImmutableArray<string>> rulesFor)
    {
        var controls = new List<ControlModel>(policy.Controls);
        controls.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var text = new StringBuilder(16 * 1024);
        text.Append("# Security requirements brief\n\n")
            .Append("<!-- Written by SecurityRequirements.Analyzers; regenerate with: dotnet build -t:SecurityRequirementsBrief -->\n\n")
            .Append("Every build of this project checks the code against the controls below. Code that breaks one is reported ")
            .Append("by the C# compiler as an SRA diagnostic that names the control, its requirement, the construct and what to write ")
            .Append("instead; at severity `error` the build fails. Write new code the prescribed way from the start.\n\n")
            .Append("Source: ").Append(policy.UsesBaseline ? "the package's baseline requirements (the project has no usable security_requirements.yaml)" : Code(FileNameOf(policy.Files[0].Path)))
            .Append(", SHA-256 `").Append(policy.UsesBaseline ? Sha256.Hex(BaselineRequirements.Text.ToString()) : policy.Files[0].Sha256Hex).Append("`.\n");

        var fixable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            WriteControl(text, control, rulesFor, fixable);
        }

        WriteWaivers(text, policy);
        WriteAfterBuild(text, fixable);
        return text.ToString();
    }

    private static void WriteControl(StringBuilder text, ControlModel control, Func<CheckKind, ImmutableArray<string>> rulesFor, SortedSet<string> fixable)
    {
        var check = control.Check;
        var severity = control.Severity.ToName();
        text.Append("\n## ").Append(Escape(control.Id)).Append(": ").Append(Escape(control.Name)).Append("\n\n")
            .Append("- Requirement: ").Append(Escape(control.Requirement)).Append('\n')
            .Append("- Check: ").Append(check == CheckKind.None ? "none (not verified by the compiler; the attestation records it as declared)" : Code(CheckNames.ToName(check)))
            .Append(control.CheckInferred ? " (inferred from the name and requirement)" : string.Empty).Append('\n')
            .Append("- Severity: ").Append(Code(severity))
            .Append(control.Severity == ControlSeverity.None ? " (reported by nothing: follow it by hand)" : string.Empty).Append('\n');
        foreach (var parameter in control.Parameters)
        {
            text.Append("- ").Append(Code(parameter.Key)).Append(parameter.AttestedOnly ? " (declared, not checked by the compiler)" : string.Empty).Append(": ");
            for (var i = 0; i < parameter.Values.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(Code(parameter.Values[i]));
            }

            text.Append('\n');
        }

        if (!control.IgnoredKeys.IsDefaultOrEmpty)
        {
            text.Append("- Ignored (unknown parameter keys, not applied): ");
            AppendList(text, control.IgnoredKeys, string.Empty, string.Empty);
            text.Append('\n');
        }

        var rules = rulesFor(check);
        if (rules.IsDefaultOrEmpty)
        {
            return;
        }

        text.Append("\nThe compiler rejects code that breaks it with these rules:\n\n")
            .Append("| Rule | Write this | Code fix | By hand |\n")
            .Append("|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            var remedy = RuleRemedies.For(rule);
            if (remedy?.HasCodeFix == true && control.Severity != ControlSeverity.None)
            {
                fixable.Add(rule);
            }

            text.Append("| ").Append(rule)
                .Append(" | ").Append(Cell(RuleCatalog.TitleOf(rule)))
                .Append(" | ").Append(Cell(remedy?.FixCell ?? "no"))
                .Append(" | ").Append(Cell(remedy?.ManualRemedy ?? string.Empty))
                .Append(" |\n");
        }

        switch (check)
        {
            case CheckKind.Encryption:
                WriteEncryption(text);
                break;
            case CheckKind.OAuthPkce:
                WriteOAuthPkce(text, control);
                break;
            case CheckKind.PiiAudit:
                WritePiiAudit(text, control);
                break;
            case CheckKind.Banned:
                WriteBanned(text, control);
                break;
        }
    }

    private static void WriteEncryption(StringBuilder text)
    {
        Implementation(text, "AES-256-GCM with a random nonce per message; the SRA1001 and SRA1003 code fixes add it once per project", AesGcmPrescription.ClassSource);
        Usage(text, """
            byte[] sealedData = AesGcmEncryption.Encrypt(key, plaintext); // key: 32 bytes read from your key store at run time
            byte[] opened = AesGcmEncryption.Decrypt(key, sealedData);
            """);
    }

    private static void WriteOAuthPkce(StringBuilder text, ControlModel control)
    {
        // A lifetime the control does not limit is prescribed at the package's recommended value, and said to be unenforced.
        var pkce = control.Pkce;
        var access = pkce.AccessTokenLifetime ?? PkceParameters.DefaultAccessTokenLifetime;
        var refresh = pkce.RefreshTokenLifetime ?? PkceParameters.DefaultRefreshTokenLifetime;
        var identity = pkce.IdentityTokenLifetime ?? PkceParameters.DefaultIdentityTokenLifetime;
        Implementation(text, "PKCE with S256; the SRA2005 code fix adds it once per project", PkcePrescription.ClassSource);
        Implementation(
            text,
            pkce.LimitsLifetimes ? "token lifetimes within the limits" : "token lifetimes: this control limits none, so these are the package's recommended values",
            TokenLifetimePrescription.ClassText(control.Id, access, refresh, identity));
        Usage(text, """
            // ASP.NET Core OpenID Connect or OAuth handler: the authorization code flow with PKCE.
            options.ResponseType = "code";
            options.UsePkce = true;

            // A hand-built authorize request and the token request that follows it.
            var verifier = PkceCodes.CreateVerifier(); // keep it with the user's sign-in state
            var authorize = $"{authority}/authorize?response_type=code&client_id={clientId}&redirect_uri={redirectUri}&code_challenge={PkceCodes.CreateChallenge(verifier)}&code_challenge_method=S256";
            var tokenForm = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier };

            // Lifetimes: JWTs, IdentityServer/Duende clients and OpenIddict all read TokenLifetimes.
            var descriptor = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.Add(TokenLifetimes.AccessToken) };
            client.AccessTokenLifetime = (int)TokenLifetimes.AccessToken.TotalSeconds;
            options.SetAccessTokenLifetime(TokenLifetimes.AccessToken).SetRefreshTokenLifetime(TokenLifetimes.RefreshToken);
            """);
    }

    private static void WritePiiAudit(StringBuilder text, ControlModel control)
    {
        var fields = control.PiiAudit.AuditFields;
        var attributes = control.PiiAudit.PiiAttributes;
        var members = Values(control, "pii_members") ?? ImmutableArray<string>.Empty;
        var names = Values(control, "pii_names") ?? ImmutableArray<string>.Empty;
        var removed = Values(control, "pii_names_removed") ?? ImmutableArray<string>.Empty;
        text.Append("\nPersonal data: members marked ");
        AppendList(text, attributes, "[", "]");
        if (!removed.Contains("*"))
        {
            text.Append("; members named like personal data (Email, PhoneNumber, FirstName, LastName, UserName, DateOfBirth, Street, ZipCode, Ssn, PassportNumber, CardNumber, and Name, DisplayName, Address or City on a person)");
            if (removed.Length > 0)
            {
                text.Append(" except ");
                AppendList(text, removed, string.Empty, string.Empty);
            }
        }

        if (names.Length > 0)
        {
            text.Append("; members named ");
            AppendList(text, names, string.Empty, string.Empty);
        }

        if (members.Length > 0)
        {
            text.Append("; members matching ");
            AppendList(text, members, string.Empty, string.Empty);
        }

        text.Append("; the signed-in user's personal claims, Identity.Name and UserManager.GetEmailAsync/GetPhoneNumberAsync/GetUserNameAsync. Constants and enum members are names, not data. Every read of one needs an audit call with ");
        AppendList(text, fields, string.Empty, string.Empty);
        text.Append(" first, in the same method; never write the data itself to a log.\n");
        Implementation(text, "the audit log; the SRA3001 code fix adds it once per project", PiiAuditPrescription.ClassText(control.Id, fields));
        Usage(text, PiiAuditPrescription.CallText("logger", fields, "Patient.Email") + " // then read patient.Email\n"
            + "logger.LogInformation(\"Updated patient {PatientId}\", patient.Id); // log the Id, not the personal data");
    }

    private static void WriteBanned(StringBuilder text, ControlModel control)
    {
        text.Append('\n');
        WriteListLine(text, control, "symbols", "Banned symbols");
        WriteListLine(text, control, "namespaces", "Banned namespaces");
        WriteListLine(text, control, "patterns", "Banned string patterns (regular expressions)");
        if (control.Banned is { } banned)
        {
            text.Append("Instead: ").Append(Escape(banned.Instead)).Append(".\n");
        }
    }

    private static void WriteListLine(StringBuilder text, ControlModel control, string key, string label)
    {
        if (Values(control, key) is { Length: > 0 } values)
        {
            text.Append(label).Append(": ");
            AppendList(text, values, string.Empty, string.Empty);
            text.Append(".\n");
        }
    }

    private static void WriteWaivers(StringBuilder text, ResolvedPolicy policy)
    {
        // Every waiver with its expiry date, whatever the date today: the brief depends on the requirements files alone.
        var waivers = new List<ResolvedWaiver>(policy.Waivers);

        if (waivers.Count == 0)
        {
            return;
        }

        waivers.Sort((a, b) => string.CompareOrdinal(a.Waiver.ControlId + "\n" + WaiverDescriptions.Scope(a.Waiver), b.Waiver.ControlId + "\n" + WaiverDescriptions.Scope(b.Waiver)));
        text.Append("\n## Waivers\n\nOnly these places are exempt; do not add code that relies on a waiver.\n\n");
        foreach (var waiver in waivers)
        {
            var model = waiver.Waiver;
            text.Append("- ").Append(Escape(model.ControlId)).Append(" for ").Append(Code(WaiverDescriptions.ScopeKindName(model.ScopeKind) + ":" + model.Scope))
                .Append(model.Expires is null ? " (no expiry date)" : " until " + model.Expires)
                .Append(": ").Append(Escape(model.Justification)).Append('\n');
        }
    }

    private static void WriteAfterBuild(StringBuilder text, SortedSet<string> fixable)
    {
        text.Append("\n## After a build\n\n")
            .Append("Read the diagnostics from the build output or from a SARIF log, apply the code fixes, rebuild, and fix what remains ")
            .Append("by hand as the rule's row above says:\n\n")
            .Append("```sh\n")
            .Append("dotnet build -p:ErrorLog=security.sarif%2Cversion=2.1\n");
        if (fixable.Count > 0)
        {
            text.Append("dotnet format analyzers --diagnostics");
            foreach (var id in fixable)
            {
                text.Append(' ').Append(id);
            }

            text.Append(" --severity info\n");
        }

        text.Append("dotnet build\n")
            .Append("```\n\n")
            .Append("Do not silence a rule with `#pragma warning disable`, `[SuppressMessage]` or `.editorconfig`: the attestation lists every ")
            .Append("suppression. An exception belongs in security_requirements.yaml as a waiver with a justification, an `approved_by` and an `expires` ")
            .Append("date within a year (the build warns without them).\n");
    }

    private static void Implementation(StringBuilder text, string what, string source) =>
        text.Append('\n').Append(ImplementationHeading).Append(" (").Append(what).Append("):\n\n")
            .Append("```csharp\n").Append(source.Replace("\r\n", "\n")).Append("\n```\n");

    private static void Usage(StringBuilder text, string source) =>
        text.Append("\nUse it:\n\n```csharp\n").Append(source.Replace("\r\n", "\n")).Append("\n```\n");

    private static ImmutableArray<string>? Values(ControlModel control, string key)
    {
        foreach (var parameter in control.Parameters)
        {
            if (parameter.Key == key)
            {
                return parameter.Values.AsImmutableArray();
            }
        }

        return null;
    }

    private static void AppendList(StringBuilder text, ImmutableArray<string> values, string prefix, string suffix)
    {
        for (var i = 0; i < values.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Code(prefix + values[i] + suffix));
        }
    }

    private static string FileNameOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(slash + 1);
    }

    /// <summary>Inline code whose fence is longer than any backtick run inside, so any YAML value renders as written.</summary>
    private static string Code(string value)
    {
        value = OneLine(value);
        var longest = 0;
        var run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : string.Empty;
        return fence + pad + value + pad + fence;
    }

    private static string Cell(string value) => Escape(value);

    /// <summary>
    /// YAML text as Markdown prose on one line: every character that could start code, a link, raw HTML or a table cell
    /// is escaped, so a name or requirement renders as written and can inject nothing (emphasis marks are left as typed).
    /// </summary>
    private static string Escape(string value)
    {
        var line = OneLine(value);
        var text = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            switch (c)
            {
                case '<':
                    text.Append("&lt;");
                    break;
                case '>':
                    text.Append("&gt;");
                    break;
                case '&':
                    text.Append("&amp;");
                    break;
                case '\\':
                case '`':
                case '[':
                case ']':
                case '|':
                    text.Append('\\').Append(c);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    private static string OneLine(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            // Every line break the Unicode standard knows, and other control characters, become a space.
            text.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }

        return text.ToString().Trim();
    }
}
