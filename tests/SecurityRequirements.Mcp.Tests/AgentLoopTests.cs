using System.Diagnostics;
using System.Text.Json;
using SecurityRequirements.Mcp.Tests.Infrastructure;

namespace SecurityRequirements.Mcp.Tests;

/// <summary>
/// The loop an agent runs, through the MCP C# SDK's client over stdio: requirements, check (SRA1001), fix, check (clean);
/// and what each tool answers on clean code, on code without a fix, and on code that does not compile.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AgentLoopTests(ServerFixture fixture)
{
    private ServerSession Server => fixture.Server;

    [Fact]
    public async Task ToolsList_OffersTheFourToolsWithSchemasAndReadOnlyHints()
    {
        var tools = await Server.Client.ListToolsAsync();

        Assert.Equal(["attestation", "check", "fix", "requirements"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.True(tool.ProtocolTool.Annotations?.ReadOnlyHint, tool.Name);
            Assert.False(tool.ProtocolTool.Annotations?.DestructiveHint, tool.Name);
        }

        var check = tools.Single(t => t.Name == "check").JsonSchema;
        Assert.Equal(["files"], check.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var fileItem = check.GetProperty("properties").GetProperty("files").GetProperty("items");
        Assert.Equal(["path", "text"], fileItem.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var fix = tools.Single(t => t.Name == "fix").JsonSchema;
        Assert.Equal(["path", "text", "diagnosticId", "line"], fix.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(tools.Single(t => t.Name == "check").ProtocolTool.OutputSchema);
    }

    [Fact]
    public async Task Loop_RequirementsCheckFixCheck_EndsCleanAndWritesNothing()
    {
        var brief = await Server.CallTextAsync("requirements");
        Assert.Contains("The project does not reference SecurityRequirements.Analyzers", brief, StringComparison.Ordinal);
        Assert.Contains("## SEC-001: Encryption at Rest", brief, StringComparison.Ordinal);
        Assert.Contains("- Severity: `error`", brief, StringComparison.Ordinal);
        Assert.Contains("| SRA1001 | Encrypt with an allowed AEAD cipher, not a legacy symmetric algorithm | yes, except", brief, StringComparison.Ordinal);
        Assert.Contains("Prescribed implementation", brief, StringComparison.Ordinal);

        // DES: reported, but no fix can keep the code working (its 8-byte keys cannot be AES-256 keys); fix says what to write.
        var check = await Server.CallAsync("check", ServerSession.Files((Samples.LegacyVaultPath, Samples.LegacyVault)));
        Assert.Equal("1 SRA diagnostic (0 fixable with the fix tool) and 0 compiler errors in 1 file.", check.GetProperty("summary").GetString());
        Assert.True(check.GetProperty("files")[0].GetProperty("isNew").GetBoolean());
        var diagnostic = Assert.Single(check.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SRA1001", diagnostic.GetProperty("id").GetString());
        Assert.Equal("SEC-001", diagnostic.GetProperty("control").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(Samples.LegacyVaultPath, diagnostic.GetProperty("path").GetString());
        Assert.Equal((9, 25, 9, 37), Position(diagnostic));
        Assert.Equal(
            "SEC-001 'All sensitive data must be encrypted using AES-256-GCM': DES is not an allowed cipher (56-bit key, broken); use AesGcm with a 256-bit key, a random 12-byte nonce from RandomNumberGenerator and a 16-byte tag",
            diagnostic.GetProperty("message").GetString());
        Assert.False(diagnostic.GetProperty("fixable").GetBoolean());
        Assert.EndsWith("/docs/rules/SRA1001.md", diagnostic.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Empty(check.GetProperty("compilerErrors").EnumerateArray());

        var notFixed = await Server.CallAsync("fix", new()
        {
            ["path"] = Samples.LegacyVaultPath,
            ["text"] = Samples.LegacyVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 9,
            ["column"] = 25,
        });
        Assert.False(notFixed.GetProperty("applied").GetBoolean());
        Assert.Empty(notFixed.GetProperty("changes").EnumerateArray());
        var byHand = Assert.Single(notFixed.GetProperty("byHand").EnumerateArray()).GetString()!;
        Assert.StartsWith("Encrypt with AesGcmEncryption.Encrypt and a newly provisioned 32-byte key", byHand, StringComparison.Ordinal);

        // Rijndael: the same rule, and a fix that keeps the code working.
        check = await Server.CallAsync("check", ServerSession.Files((Samples.RijndaelVaultPath, Samples.RijndaelVault)));
        Assert.Equal("1 SRA diagnostic (1 fixable with the fix tool) and 0 compiler errors in 1 file.", check.GetProperty("summary").GetString());
        diagnostic = Assert.Single(check.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SRA1001", diagnostic.GetProperty("id").GetString());
        Assert.Equal((9, 30, 9, 47), Position(diagnostic));
        Assert.True(diagnostic.GetProperty("fixable").GetBoolean());
        var fixTitle = Assert.Single(Strings(diagnostic.GetProperty("fixTitles")));

        var fix = await Server.CallAsync("fix", new()
        {
            ["path"] = Samples.RijndaelVaultPath,
            ["text"] = Samples.RijndaelVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 9,
            ["column"] = 30,
            ["output"] = "both",
        });
        Assert.True(fix.GetProperty("applied").GetBoolean());
        Assert.Equal("SEC-001", fix.GetProperty("control").GetString());
        Assert.Equal(fixTitle, fix.GetProperty("fixTitle").GetString());
        var change = Assert.Single(fix.GetProperty("changes").EnumerateArray());
        Assert.Equal(Samples.RijndaelVaultPath, change.GetProperty("path").GetString());
        Assert.False(change.GetProperty("isNew").GetBoolean());
        var fixedText = change.GetProperty("text").GetString()!;
        Assert.StartsWith(Samples.RijndaelVaultFixedStart, fixedText, StringComparison.Ordinal);
        Assert.Contains("internal static class AesGcmEncryption", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Rijndael.Create", fixedText, StringComparison.Ordinal);
        var diff = change.GetProperty("diff").GetString()!;
        Assert.StartsWith("--- a/Storage/RijndaelVault.cs\n+++ b/Storage/RijndaelVault.cs\n@@ -6,8 +6,", diff, StringComparison.Ordinal);
        Assert.Contains("\n-        using var rijndael = Rijndael.Create();\n-        rijndael.Key = key;\n-        return rijndael.EncryptCbc(data, iv);\n+        return AesGcmEncryption.Encrypt(key, data);\n", diff, StringComparison.Ordinal);
        Assert.Empty(fix.GetProperty("remaining").EnumerateArray());
        Assert.Empty(fix.GetProperty("compilerErrors").EnumerateArray());
        Assert.Empty(fix.GetProperty("byHand").EnumerateArray());

        var recheck = await Server.CallAsync("check", ServerSession.Files((Samples.RijndaelVaultPath, fixedText)));
        Assert.Equal("Clean: no SRA diagnostic and no compiler error in 1 file.", recheck.GetProperty("summary").GetString());
        Assert.Empty(recheck.GetProperty("diagnostics").EnumerateArray());
        Assert.Empty(recheck.GetProperty("compilerErrors").EnumerateArray());

        // check and fix wrote nothing: the proposed files still do not exist.
        Assert.False(fixture.Project.Exists(Samples.LegacyVaultPath));
        Assert.False(fixture.Project.Exists(Samples.RijndaelVaultPath));
    }

    [Fact]
    public async Task Fix_WrittenToDisk_BuildsAndRoundTrips()
    {
        var fix = await Server.CallAsync("fix", new()
        {
            ["path"] = Samples.RijndaelVaultPath,
            ["text"] = Samples.RijndaelVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 9,
        });
        var fixedText = fix.GetProperty("changes")[0].GetProperty("text").GetString()!;
        Assert.Equal(string.Empty, fix.GetProperty("changes")[0].GetProperty("diff").GetString());

        // The agent's last step, in a copy of the project so the shared server's project stays as it was.
        using var copy = TestProject.Create(
            projectFile: TestProject.ProjectFile.Replace("<Nullable>", "<OutputType>Exe</OutputType>\n    <Nullable>", StringComparison.Ordinal),
            files:
            [
                (Samples.RijndaelVaultPath, fixedText),
                ("Program.cs", """
                    using System.Security.Cryptography;

                    namespace App;

                    public static class Program
                    {
                        public static int Main()
                        {
                            var key = RandomNumberGenerator.GetBytes(32);
                            var data = "record 42"u8.ToArray();
                            var sealedData = new Storage.RijndaelVault().Seal(key, new byte[8], data);
                            var opened = AppStorageAccess.Decrypt(key, sealedData);
                            System.Console.WriteLine(opened.AsSpan().SequenceEqual(data) ? "round trip ok" : "round trip failed");
                            return 0;
                        }
                    }

                    internal static class AppStorageAccess
                    {
                        public static byte[] Decrypt(byte[] key, byte[] sealedData) => Storage.AesGcmEncryption.Decrypt(key, sealedData);
                    }

                    """),
            ]);
        var output = Run("dotnet", ["run", "--project", copy.ProjectPath, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], copy.Root);
        Assert.Contains("round trip ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CleanCode_ReportsNothing()
    {
        var check = await Server.CallAsync("check", ServerSession.Files(("Storage/Sealer.cs", Samples.CleanSealer)));

        Assert.Equal("Clean: no SRA diagnostic and no compiler error in 1 file.", check.GetProperty("summary").GetString());
        Assert.False(check.GetProperty("files")[0].GetProperty("isNew").GetBoolean());
        Assert.Empty(check.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Check_CodeThatDoesNotCompile_ReportsTheCompilerErrors()
    {
        const string text = "namespace App;\n\npublic static class Broken\n{\n    public static int Value() => missing + 1;\n}\n";

        var check = await Server.CallAsync("check", ServerSession.Files(("Broken.cs", text)));

        Assert.Empty(check.GetProperty("diagnostics").EnumerateArray());
        var error = Assert.Single(check.GetProperty("compilerErrors").EnumerateArray());
        Assert.Equal("CS0103", error.GetProperty("id").GetString());
        Assert.Equal("Broken.cs", error.GetProperty("path").GetString());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Equal(34, error.GetProperty("column").GetInt32());
        Assert.Equal("The name 'missing' does not exist in the current context", error.GetProperty("message").GetString());
        Assert.Equal("0 SRA diagnostics (0 fixable with the fix tool) and 1 compiler error in 1 file.", check.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Check_SeveralFiles_SeeEachOther()
    {
        const string user = "namespace App;\n\npublic static class User\n{\n    public static byte[] Seal(byte[] key, byte[] data) => Storage.Sealer.Seal(key, data);\n}\n";

        var check = await Server.CallAsync("check", ServerSession.Files(("User.cs", user), ("Storage/Sealer.cs", Samples.CleanSealer)));

        Assert.Equal(2, check.GetProperty("files").GetArrayLength());
        Assert.Empty(check.GetProperty("compilerErrors").EnumerateArray());
        Assert.Empty(check.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Fix_RuleWithoutCodeFix_SaysWhatToWriteByHand()
    {
        var check = await Server.CallAsync("check", ServerSession.Files(("Storage/KeyedSealer.cs", Samples.HardCodedKey)));
        var diagnostic = Assert.Single(check.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SRA1005", diagnostic.GetProperty("id").GetString());
        Assert.False(diagnostic.GetProperty("fixable").GetBoolean());
        Assert.Empty(diagnostic.GetProperty("fixTitles").EnumerateArray());

        var (line, column, _, _) = Position(diagnostic);
        var fix = await Server.CallAsync("fix", new()
        {
            ["path"] = "Storage/KeyedSealer.cs",
            ["text"] = Samples.HardCodedKey,
            ["diagnosticId"] = "SRA1005",
            ["line"] = line,
            ["column"] = column,
        });

        Assert.False(fix.GetProperty("applied").GetBoolean());
        Assert.Empty(fix.GetProperty("changes").EnumerateArray());
        Assert.Equal(string.Empty, fix.GetProperty("fixTitle").GetString());
        var byHand = Assert.Single(Strings(fix.GetProperty("byHand")));
        Assert.StartsWith("Read the key at run time from a key store", byHand, StringComparison.Ordinal);
        Assert.StartsWith("Not fixed: SRA1005 has no code fix; fix it by hand: Read the key at run time", fix.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attestation_OnCleanCode_VouchesForTheControlAtError()
    {
        var attestation = await Server.CallAsync("attestation", new() { ["includeManifest"] = true });

        Assert.StartsWith("If this build succeeded, no violation of SEC-001 existed", attestation.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal("The build would succeed with no SRA diagnostic.", attestation.GetProperty("buildOutcome").GetString());
        var control = Assert.Single(attestation.GetProperty("controls").EnumerateArray());
        Assert.Equal("SEC-001", control.GetProperty("id").GetString());
        Assert.Equal("encryption", control.GetProperty("check").GetString());
        Assert.Equal("error", control.GetProperty("severity").GetString());
        Assert.Equal("enforced", control.GetProperty("status").GetString());
        Assert.True(control.GetProperty("vouched").GetBoolean());
        Assert.Equal(0, attestation.GetProperty("sraErrors").GetInt32());
        Assert.Equal(0, attestation.GetProperty("compilerErrors").GetInt32());
        using var manifest = JsonDocument.Parse(attestation.GetProperty("manifest").GetString()!);
        Assert.Equal("security_requirements.yaml", manifest.RootElement.GetProperty("requirements").GetProperty("file").GetString());
        Assert.Contains(Strings(attestation.GetProperty("notes")), n => n.StartsWith("The project does not reference SecurityRequirements.Analyzers", StringComparison.Ordinal));
    }

    internal static (int Line, int Column, int EndLine, int EndColumn) Position(JsonElement diagnostic) =>
        (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("endLine").GetInt32(), diagnostic.GetProperty("endColumn").GetInt32());

    internal static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string Run(string command, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet run timed out");
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed: {output.Result}{error.Result}");
        return output.Result;
    }
}
