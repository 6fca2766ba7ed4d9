using System.Net;
using SecurityRequirements.Attestation.Json;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>What the build and the tool write: the evidence JSON (manifest + assembly hash) and the HTML report.</summary>
public class EvidenceTests
{
    private const string AssemblySha256 = "7d9a9f342c8238aeda8176f831fbc4458092813119462fed4338fa126f99c17f";

    [Fact]
    public void EvidenceJson_IsTheManifestWithTheAssemblyHash_AndGivesTheManifestBack()
    {
        var manifest = AttestationManifest.Parse(Manifests.V1());

        var evidence = EvidenceJson.Write(manifest, AssemblySha256);
        var (sha256, embedded) = EvidenceJson.Read(evidence);

        Assert.Equal(AssemblySha256, sha256);
        Assert.Equal(manifest.Text, embedded);
        Assert.Equal(manifest.Text.Replace("  \"assembly\": \"App\",\n", "  \"assembly\": \"App\",\n  \"assemblySha256\": \"" + AssemblySha256 + "\",\n", StringComparison.Ordinal), evidence);
        Assert.Equal(evidence, EvidenceJson.Write(AttestationManifest.Parse(Manifests.V1()), AssemblySha256));
    }

    [Fact]
    public void Report_NamesTheAssemblyHash_AndTheSourceRevision()
    {
        var manifest = AttestationManifest.Parse(Manifests.V2());

        var html = AttestationReport.Render(manifest, "App.dll", AssemblySha256);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Assembly SHA-256</dt><dd><code>" + AssemblySha256 + "</code>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Source revision</dt><dd><code>0123456789abcdef0123456789abcdef01234567</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Partial attestation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html, AttestationReport.Render(AttestationManifest.Parse(Manifests.V2()), "App.dll", AssemblySha256));
    }

    [Fact]
    public void Report_SaysWhenTheRevisionIsUnknown_ShowsReasonsEscaped_AndFlagsPartial()
    {
        var html = AttestationReport.Render(AttestationManifest.Parse(Manifests.V2(partial: null, sec001Vouched: false, sec001Status: "partial", sourceRevision: null)), "App.dll", AssemblySha256);

        Assert.Contains("<dt>Source revision</dt><dd>not recorded by the build", html, StringComparison.Ordinal);
        Assert.Contains("<li>" + WebUtility.HtmlEncode("Generated files are excluded from analysis <gen>") + "</li>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status partial-status\">partial</span>", html, StringComparison.Ordinal);
        Assert.Contains("does not say whether the attestation covers the whole build", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_EscapesMarkup_AndKeepsOtherCharactersAsTheyAre()
    {
        var manifest = AttestationManifest.Parse(Manifests.V1().Replace("\"name\": \"Encryption at Rest\"", "\"name\": \"Ærø & <b>'x'</b> \\\"q\\\" \u00a0é\"", StringComparison.Ordinal));

        var html = AttestationReport.Render(manifest, "App.dll", AssemblySha256);

        Assert.Contains("<br>Ærø &amp; &lt;b&gt;&#39;x&#39;&lt;/b&gt; &quot;q&quot; \u00a0é</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfSchema1_ShowsEveryControlAndWaiver_WithDerivedVouching()
    {
        var manifest = AttestationManifest.Parse(Manifests.V1());

        var html = AttestationReport.Render(manifest, "App.dll", AssemblySha256);

        Assert.Contains("<strong>SEC-001</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>SEC-002</strong>", html, StringComparison.Ordinal);
        Assert.Contains("2027-03-31", html, StringComparison.Ordinal);
        Assert.Equal([true, false], manifest.Controls.Select(c => c.Vouched));
        Assert.False(manifest.Partial);
    }

    [Fact]
    public void MissingFields_ClaimLess()
    {
        var v2 = AttestationManifest.Parse(Manifests.V2(partial: null));
        var bare = AttestationManifest.Parse("{\"controls\": [{\"id\": \"SEC-9\"}], \"waivers\": [{\"control\": \"SEC-9\"}]}");

        Assert.Null(v2.Partial);
        Assert.False(bare.Controls[0].Vouched);
        Assert.True(bare.Waivers[0].Active);
        Assert.True(bare.Waivers[0].OpenEnded);
        Assert.Equal(1, bare.SchemaVersion);
    }

    [Fact]
    public void EvidenceFiles_WritesUtf8WithoutBom_AndLeavesAnIdenticalFileAlone()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sra-evidence-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "nested", "x.json");
        try
        {
            EvidenceFiles.Write(path, "é\n");
            var written = File.GetLastWriteTimeUtc(path);
            File.SetLastWriteTimeUtc(path, written.AddHours(-1));
            EvidenceFiles.Write(path, "é\n");

            Assert.Equal(new byte[] { 0xC3, 0xA9, 0x0A }, File.ReadAllBytes(path));
            Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
