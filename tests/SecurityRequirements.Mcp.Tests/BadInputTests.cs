using SecurityRequirements.Mcp.Tests.Infrastructure;

namespace SecurityRequirements.Mcp.Tests;

/// <summary>Each bad input gets a tool error (isError, with a message saying what to send instead), and the server stays up.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    private ServerSession Server => fixture.Server;

    [Fact]
    public async Task Check_PathOutsideTheProject_IsAToolError()
    {
        var error = await Server.CallErrorAsync("check", ServerSession.Files(("../Elsewhere/Leak.cs", Samples.CleanSealer)));

        Assert.Equal($"'../Elsewhere/Leak.cs' is outside the project folder '{fixture.Project.Root}': pass a path inside it (relative to it, or absolute).", error);
        Assert.False(File.Exists(Path.Combine(fixture.Project.Root, "..", "Elsewhere", "Leak.cs")));
    }

    [Fact]
    public async Task Check_AbsolutePathOutsideTheProject_IsAToolError()
    {
        var outside = Path.Combine(Path.GetTempPath(), "Outside.cs");

        var error = await Server.CallErrorAsync("check", ServerSession.Files((outside, Samples.CleanSealer)));

        Assert.StartsWith($"'{outside}' is outside the project folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("App.csproj")]
    [InlineData("security_requirements.yaml")]
    public async Task Check_FileThatIsNotCSharp_IsAToolError(string path)
    {
        var error = await Server.CallErrorAsync("check", ServerSession.Files((path, "text")));

        Assert.Equal($"'{path}' is not a C# file: the analyzers check .cs files only; pass the path of a .cs file.", error);
    }

    [Fact]
    public async Task Check_TextOverTheSizeLimit_IsAToolError()
    {
        var text = "// " + new string('x', 1_000_000);

        var error = await Server.CallErrorAsync("check", ServerSession.Files(("Big.cs", text)));

        Assert.Equal($"The text of 'Big.cs' has {text.Length} characters, over the limit of 1000000: split the file, or check a smaller one.", error);
    }

    [Fact]
    public async Task Check_TooManyFiles_IsAToolError()
    {
        var files = Enumerable.Range(0, 17).Select(i => ($"F{i}.cs", "namespace App;\n")).ToArray();

        var error = await Server.CallErrorAsync("check", ServerSession.Files(files));

        Assert.Equal("17 files given, over the limit of 16 per call: check the files in several calls.", error);
    }

    [Fact]
    public async Task Check_NoFiles_IsAToolError()
    {
        var error = await Server.CallErrorAsync("check", ServerSession.Files());

        Assert.Equal("No files given: pass at least one {\"path\", \"text\"} pair with the full proposed text of a C# file.", error);
    }

    [Fact]
    public async Task Check_SameFileTwice_IsAToolError()
    {
        var error = await Server.CallErrorAsync("check", ServerSession.Files(("A.cs", "namespace App;\n"), ("./A.cs", "namespace App;\n")));

        Assert.Equal("'./A.cs' is given more than once: pass each file once, with its full text.", error);
    }

    [Fact]
    public async Task Fix_NoSuchDiagnosticAtTheLocation_IsAToolErrorListingWhatIsThere()
    {
        var error = await Server.CallErrorAsync("fix", new()
        {
            ["path"] = Samples.LegacyVaultPath,
            ["text"] = Samples.LegacyVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 10,
            ["column"] = 9,
        });

        Assert.Equal(
            "No SRA1001 diagnostic at line 10, column 9 of 'Storage/LegacyVault.cs' in the text given. The text has: SRA1001 at 9:25. Call check on the same text and pass a reported id and position.",
            error);
    }

    [Fact]
    public async Task Fix_LineOutsideTheText_IsAToolError()
    {
        var error = await Server.CallErrorAsync("fix", new()
        {
            ["path"] = Samples.LegacyVaultPath,
            ["text"] = Samples.LegacyVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 99,
        });

        Assert.Equal("The location is not in the text: line 99 is outside 1..14 of 'Storage/LegacyVault.cs'. Pass the 1-based line and column that check reported.", error);
    }

    [Fact]
    public async Task Fix_UnknownOutputMode_IsAToolError()
    {
        var error = await Server.CallErrorAsync("fix", new()
        {
            ["path"] = Samples.LegacyVaultPath,
            ["text"] = Samples.LegacyVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 9,
            ["output"] = "patch",
        });

        Assert.Equal("output is 'patch': use \"text\", \"diff\" or \"both\".", error);
    }

    [Fact]
    public async Task Fix_PathNotCSharp_IsAToolError()
    {
        var error = await Server.CallErrorAsync("fix", new()
        {
            ["path"] = "Vault.vb",
            ["text"] = Samples.LegacyVault,
            ["diagnosticId"] = "SRA1001",
            ["line"] = 9,
        });

        Assert.Equal("'Vault.vb' is not a C# file: the analyzers check .cs files only; pass the path of a .cs file.", error);
    }

    [Fact]
    public async Task AfterErrors_TheServerStillAnswers()
    {
        await Server.CallErrorAsync("check", ServerSession.Files(("../x.cs", string.Empty)));

        var check = await Server.CallAsync("check", ServerSession.Files(("Storage/Sealer.cs", Samples.CleanSealer)));

        Assert.Empty(check.GetProperty("diagnostics").EnumerateArray());
    }
}
