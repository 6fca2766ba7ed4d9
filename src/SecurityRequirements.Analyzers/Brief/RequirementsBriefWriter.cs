using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using SecurityRequirements.Analyzers.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Generators;
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

    public static string Write(ImmutableArray<RequirementsFileModel> files, Func<CheckKind, ImmutableArray<string>> rulesFor)
    {
        var (ordered, usesBaseline) = ManifestBuilder.OrderFiles(files);
        var controls = ManifestBuilder.EffectiveControls(ordered);
        var text = new StringBuilder(16 * 1024);
        text.Append("# Security requirements brief\n\n")
            .Append("<!-- Written by SecurityRequirements.Analyzers; regenerate with: dotnet build -t:SecurityRequirementsBrief -->\n\n")
            .Append("Every build of this project checks the code against the controls below. Code that breaks one is reported ")
            .Append("by the C# compiler as an SRA diagnostic that names the control, its requirement, the construct and what to write ")
            .Append("instead; at severity `error` the build fails. Write new code the prescribed way from the start.\n\n")
            .Append("Source: ").Append(usesBaseline ? "the package's baseline requirements (the project has no security_requirements.yaml)" : Code(FileNameOf(ordered[0].Path)))
            .Append(", SHA-256 `").Append(ordered[0].Sha256).Append("`.\n");

        var fixable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var control in controls.Values)
        {
            WriteControl(text, control, rulesFor, fixable);
        }

        WriteWaivers(text, ordered);
        WriteAfterBuild(text, fixable);
        return text.ToString();
    }

    private static void WriteControl(StringBuilder text, ControlEntry control, Func<CheckKind, ImmutableArray<string>> rulesFor, SortedSet<string> fixable)
    {
        CheckNames.TryParse(control.Check, out var check);
        text.Append("\n## ").Append(control.Id).Append(": ").Append(OneLine(control.Name)).Append("\n\n")
            .Append("- Requirement: ").Append(OneLine(control.Requirement)).Append('\n')
            .Append("- Check: ").Append(check == CheckKind.None ? "none (not verified by the compiler; the attestation records it as attested)" : Code(control.Check))
            .Append(control.Inferred ? " (inferred from the name and requirement)" : string.Empty).Append('\n')
            .Append("- Severity: ").Append(Code(control.Severity))
            .Append(control.Severity == "none" ? " (reported by nothing: follow it by hand)" : string.Empty).Append('\n');
        foreach (var parameter in control.Parameters)
        {
            text.Append("- ").Append(Code(parameter.Key)).Append(": ");
            for (var i = 0; i < parameter.Values.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(Code(parameter.Values[i]));
            }

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
            if (remedy?.HasCodeFix == true && control.Severity != "none")
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

    private static void WriteOAuthPkce(StringBuilder text, ControlEntry control)
    {
        var access = Duration(control, "access_token_lifetime") ?? PkceParameters.Default.AccessTokenLifetime;
        var refresh = Duration(control, "refresh_token_lifetime") ?? PkceParameters.Default.RefreshTokenLifetime;
        var identity = Duration(control, "identity_token_lifetime") ?? PkceParameters.Default.IdentityTokenLifetime;
        Implementation(text, "PKCE with S256; the SRA2005 code fix adds it once per project", PkcePrescription.ClassSource);
        Implementation(text, "token lifetimes within the limits", TokenLifetimePrescription.ClassText(control.Id, access, refresh, identity));
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

    private static void WritePiiAudit(StringBuilder text, ControlEntry control)
    {
        var fields = Values(control, "audit_fields") ?? PiiAuditParameters.Default.AuditFields;
        var attributes = Values(control, "pii_attributes") ?? PiiAuditParameters.Default.PiiAttributes;
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

    private static void WriteBanned(StringBuilder text, ControlEntry control)
    {
        text.Append('\n');
        WriteListLine(text, control, "symbols", "Banned symbols");
        WriteListLine(text, control, "namespaces", "Banned namespaces");
        WriteListLine(text, control, "patterns", "Banned string patterns (regular expressions)");
        if (Values(control, "instead") is { Length: > 0 } instead)
        {
            text.Append("Instead: ").Append(OneLine(instead[0])).Append(".\n");
        }
    }

    private static void WriteListLine(StringBuilder text, ControlEntry control, string key, string label)
    {
        if (Values(control, key) is { Length: > 0 } values)
        {
            text.Append(label).Append(": ");
            AppendList(text, values, string.Empty, string.Empty);
            text.Append(".\n");
        }
    }

    private static void WriteWaivers(StringBuilder text, List<RequirementsFileModel> ordered)
    {
        var waivers = new List<WaiverEntry>();
        foreach (var file in ordered)
        {
            waivers.AddRange(file.Waivers);
        }

        if (waivers.Count == 0)
        {
            return;
        }

        waivers.Sort((a, b) => string.CompareOrdinal(a.ControlId + "\n" + a.Scope, b.ControlId + "\n" + b.Scope));
        text.Append("\n## Waivers\n\nOnly these places are exempt; do not add code that relies on a waiver.\n\n");
        foreach (var waiver in waivers)
        {
            text.Append("- ").Append(waiver.ControlId).Append(" for ").Append(Code(waiver.Scope))
                .Append(waiver.Expires is null ? string.Empty : " until " + waiver.Expires)
                .Append(": ").Append(OneLine(waiver.Justification)).Append('\n');
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
            .Append("suppression, and a waiver needs an approver in security_requirements.yaml.\n");
    }

    private static void Implementation(StringBuilder text, string what, string source) =>
        text.Append('\n').Append(ImplementationHeading).Append(" (").Append(what).Append("):\n\n")
            .Append("```csharp\n").Append(source.Replace("\r\n", "\n")).Append("\n```\n");

    private static void Usage(StringBuilder text, string source) =>
        text.Append("\nUse it:\n\n```csharp\n").Append(source.Replace("\r\n", "\n")).Append("\n```\n");

    private static TimeSpan? Duration(ControlEntry control, string key) =>
        Values(control, key) is { Length: > 0 } values && DurationParser.TryParse(values[0], out var duration) ? duration : null;

    private static ImmutableArray<string>? Values(ControlEntry control, string key)
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

    private static string Cell(string value) => OneLine(value).Replace("|", "\\|");

    private static string OneLine(string value) => value.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();
}
