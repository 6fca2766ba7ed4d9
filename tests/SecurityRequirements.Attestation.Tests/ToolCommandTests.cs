using System.Text;
using SecurityRequirements.Attestation.Json;
using SecurityRequirements.Tool;

namespace SecurityRequirements.Attestation.Tests;

/// <summary>The sra commands in-process: dispatch, parsing, files, exit codes and output, on compiled assemblies.</summary>
public sealed class ToolCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sra-tool-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Catalog_FindsEveryCommand_AndHelpListsThem()
    {
        var run = await RunAsync("--help");

        Assert.Equal(["attestation", "brief", "mcp", "verify"], CommandCatalog.All.Select(c => c.Name));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  attestation  Extract the security attestation", run.Out, StringComparison.Ordinal);
        Assert.Contains("  verify       Check a built assembly's attestation", run.Out, StringComparison.Ordinal);
        Assert.Contains("  mcp          Serve the Model Context Protocol over stdio", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "nope" }, "sra: unknown command 'nope'.")]
    [InlineData(new[] { "verify" }, "sra verify: missing argument: <assembly>.")]
    [InlineData(new[] { "verify", "a.dll", "--bogus" }, "sra verify: unknown option '--bogus'.")]
    [InlineData(new[] { "verify", "a.dll", "--today", "1 June" }, "sra verify: --today takes a date as yyyy-MM-dd, not '1 June'.")]
    [InlineData(new[] { "verify", "a.dll", "--policy" }, "sra verify: option '--policy' needs a value (--policy <file>).")]
    [InlineData(new[] { "attestation", "a.dll", "--format", "xml" }, "sra attestation: unknown format 'xml' (json, html or in-toto).")]
    [InlineData(new[] { "attestation", "a.dll", "--print", "--format", "json,html" }, "sra attestation: --print writes one format; choose it with one --format.")]
    [InlineData(new[] { "attestation", "a.dll", "b.dll" }, "sra attestation: unexpected argument 'b.dll'.")]
    [InlineData(new[] { "attestation", "a.dll", "--out", "x", "--out", "y" }, "sra attestation: option '--out' is given more than once.")]
    public async Task UsageErrors_ExitOne_WithTheReasonFirst(string[] args, string expected)
    {
        var run = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attestation_WritesJsonAndHtmlByDefault_InTotoOnRequest_AndPrintsExactBytes()
    {
        var manifest = Manifests.V1();
        var image = TestAssembly.WithManifest(manifest);
        var dll = TestAssembly.WriteTo(Path.Combine(_folder, "bin"), image);
        var sha = AttestationMetadataReader.Read(dll).Sha256;
        var outFolder = Path.Combine(_folder, "evidence");

        var both = await RunAsync("attestation", dll, "--out", outFolder);
        var intoto = await RunAsync("attestation", dll, "--out", outFolder, "--format", "in-toto");
        var printed = await RunAsync("attestation", dll, "--print", "--format", "in-toto");

        Assert.Equal(0, both.ExitCode);
        Assert.Equal($"{outFolder}/App.security-attestation.json\n{outFolder}/App.security-attestation.html\n".Replace('/', Path.DirectorySeparatorChar), both.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(EvidenceJson.Write(AttestationManifest.Parse(manifest), sha), File.ReadAllText(Path.Combine(outFolder, "App.security-attestation.json")));
        Assert.Equal(AttestationReport.Render(AttestationManifest.Parse(manifest), "App.dll", sha), File.ReadAllText(Path.Combine(outFolder, "App.security-attestation.html")));
        Assert.Equal(0, intoto.ExitCode);
        Assert.Equal(InTotoStatement.Write(AttestationManifest.Parse(manifest), "App.dll", sha), File.ReadAllText(Path.Combine(outFolder, "App.security-attestation.intoto.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(outFolder, "App.security-attestation.intoto.json")), printed.Stdout);
    }

    [Fact]
    public async Task Attestation_ExitCodes_ForUnreadable_NotAttested_AndAltered()
    {
        var text = Path.Combine(_folder, "notes.txt");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(text, "not an assembly");
        var plain = TestAssembly.WriteTo(_folder, TestAssembly.Compile("Plain", new Dictionary<string, string>()), "Plain.dll");
        var altered = TestAssembly.WriteTo(_folder, TestAssembly.WithManifest(Manifests.V1(), recordedSha256: new string('a', 64)), "Altered.dll");

        Assert.Equal(ExitCodes.Unreadable, (await RunAsync("attestation", Path.Combine(_folder, "missing.dll"))).ExitCode);
        Assert.Equal(ExitCodes.Unreadable, (await RunAsync("attestation", text)).ExitCode);
        Assert.Equal(ExitCodes.NoAttestation, (await RunAsync("attestation", plain)).ExitCode);
        Assert.Equal(ExitCodes.NotIntact, (await RunAsync("attestation", altered)).ExitCode);
        var verifyPlain = await RunAsync("verify", plain);
        Assert.Equal(ExitCodes.NoAttestation, verifyPlain.ExitCode);
        Assert.StartsWith("FAIL no-attestation: ", verifyPlain.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotIntact, (await RunAsync("verify", altered)).ExitCode);
    }

    [Fact]
    public async Task Verify_Passes_PrintsOneLinePerFinding_AndJson()
    {
        var dll = TestAssembly.WriteTo(_folder, TestAssembly.WithManifest(Manifests.V1()));
        var policy = Path.Combine(_folder, "security_requirements.yaml");
        await File.WriteAllTextAsync(policy, Manifests.PolicyYaml);

        var pass = await RunAsync("verify", dll, "--policy", policy, "--today", "2026-06-01");
        var fail = await RunAsync("verify", dll, "--policy", policy, "--today", "2027-04-01", "--require-error", "SEC-002");
        var json = await RunAsync("verify", dll, "--policy", policy, "--today", "2027-04-01", "--json");

        Assert.Equal(0, pass.ExitCode);
        Assert.StartsWith("verify: passed: ", pass.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 required control(s) vouched for at error: SEC-001\n", pass.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VerificationFailed, fail.ExitCode);
        var lines = fail.Out.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("FAIL not-vouched SEC-002: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("FAIL waiver-expired SEC-001: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("verify: FAILED: ", lines[2], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.VerificationFailed, json.ExitCode);
        var result = JsonReader.ParseObject(json.Stdout);
        Assert.Equal(false, result.GetBoolean("passed"));
        Assert.Equal("waiver-expired", Assert.IsType<JsonObject>(Assert.Single(result.GetArray("findings"))).GetString("code"));
        Assert.Equal(["SEC-001"], result.GetStrings("required"));
        Assert.Equal("2027-04-01", result.GetString("today"));
    }

    [Fact]
    public async Task Verify_UnreadablePolicy_ExitsTwo()
    {
        var dll = TestAssembly.WriteTo(_folder, TestAssembly.WithManifest(Manifests.V1()));

        var run = await RunAsync("verify", dll, "--policy", Path.Combine(_folder, "missing.yaml"));

        Assert.Equal(ExitCodes.Unreadable, run.ExitCode);
        Assert.StartsWith("sra verify: cannot read an input file: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brief_PrintsTheBriefOfTheFile()
    {
        var policy = Path.Combine(_folder, "security_requirements.yaml");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(policy, Manifests.PolicyYaml);

        var run = await RunAsync("brief", policy, "--print");
        var written = await RunAsync("brief", policy, "--out", _folder);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# Security requirements brief\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SEC-001", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(run.Stdout, File.ReadAllText(Path.Combine(_folder, AttestationKeys.BriefFileName)));
    }

    private static async Task<Run> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var console = new ToolConsole(TextReader.Null, output, error, () => new NonClosingStream(stdout));
        var exitCode = await CommandLineApp.RunAsync(args, console, CancellationToken.None);
        return new Run(exitCode, output.ToString(), error.ToString(), Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private sealed record Run(int ExitCode, string Out, string Error, string Stdout);

    /// <summary>The console's standard output outlives each write; so does this stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
