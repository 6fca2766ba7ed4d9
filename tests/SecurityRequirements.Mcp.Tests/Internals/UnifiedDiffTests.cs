using System.Diagnostics;
using SecurityRequirements.Mcp.Text;

namespace SecurityRequirements.Mcp.Tests.Internals;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void SameText_IsEmpty() => Assert.Equal(string.Empty, UnifiedDiff.Create("a\nb\n", "a\nb\n", "a/x", "b/x"));

    [Fact]
    public void OneLineReplaced_GivesOneHunkWithThreeLinesOfContext()
    {
        const string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        const string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = UnifiedDiff.Create(before, after, "a/f.cs", "b/f.cs");

        Assert.Equal("--- a/f.cs\n+++ b/f.cs\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void DistantChanges_GiveTwoHunks()
    {
        var lines = Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var before = string.Concat(lines.Select(l => l + "\n"));
        lines[1] = "two";
        lines[18] = "nineteen";
        var after = string.Concat(lines.Select(l => l + "\n"));

        var diff = UnifiedDiff.Create(before, after, "a/f", "b/f");

        Assert.Equal(
            "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n",
            diff);
    }

    [Fact]
    public void NewFile_IsAllAdditions()
    {
        var diff = UnifiedDiff.Create(string.Empty, "a\nb\n", "/dev/null", "b/new.cs");

        Assert.Equal("--- /dev/null\n+++ b/new.cs\n@@ -0,0 +1,2 @@\n+a\n+b\n", diff);
    }

    [Theory]
    [InlineData("class A\n{\n    void M()\n    {\n        using var des = DES.Create();\n        des.Key = key;\n        return des.EncryptCbc(data, iv);\n    }\n}\n",
                "class A\n{\n    void M()\n    {\n        return AesGcmEncryption.Encrypt(key, data);\n    }\n}\n\ninternal static class AesGcmEncryption\n{\n}\n")]
    [InlineData("a\nb\nc\n", "x\na\nb\nc\ny\n")]
    [InlineData("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n", "a\nc\nd\ne\nf\ng\nh\nI\nj\nk\nl\n")]
    public void GitApply_TurnsTheOldTextIntoTheNew(string before, string after)
    {
        var folder = Directory.CreateTempSubdirectory("sra-mcp-diff-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "f.cs"), before);
            File.WriteAllText(Path.Combine(folder.FullName, "change.diff"), UnifiedDiff.Create(before, after, "a/f.cs", "b/f.cs"));
            var start = new ProcessStartInfo("git", ["apply", "change.diff"]) { WorkingDirectory = folder.FullName, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();

            Assert.True(git.ExitCode == 0, error);
            Assert.Equal(after, File.ReadAllText(Path.Combine(folder.FullName, "f.cs")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
