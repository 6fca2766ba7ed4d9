using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Analyzers.Tests.Analyzers.PiiAudit;
using SecurityRequirements.Analyzers.Tests.Meta;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Messages;

/// <summary>
/// An agent repairs code from the build output alone, so every message must name the control and its requirement,
/// the construct at fault and what to write instead, in plain imperative words. Checked on every descriptor and on
/// every diagnostic the Noncompliant sample produces.
/// </summary>
public class ActionableMessageTests
{
    /// <summary>Words that leave the decision to the reader.</summary>
    private static readonly Regex Vague = new(@"\b(consider|might|may want|perhaps|possibly|probably|try to|if possible|as appropriate|it is recommended)\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>How the "what to write instead" clause after the last "; " begins.</summary>
    private static readonly Regex Replacement = new(@"^(use|set|construct|generate|send|add|log|call|fill|create|encrypt|hash|load|pass|turn|replace|keep|move|write|remove|give|name|split|correct|fix|simplify)\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public static TheoryData<string> CheckDescriptorIds() => new(DescriptorMetaTests.Descriptors.Where(d => !d.Id.StartsWith("SRA0", StringComparison.Ordinal)).Select(d => d.Id));

    public static TheoryData<string> AllDescriptorIds() => new(DescriptorMetaTests.Descriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(CheckDescriptorIds))]
    public void CheckMessages_StartWithControlAndRequirement(string id)
    {
        var format = Format(id);
        Assert.StartsWith("{0} '{1}': ", format, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllDescriptorIds))]
    public void EveryMessage_SaysWhatToWriteInstead_WithoutVagueWords(string id)
    {
        var format = Format(id);
        Assert.DoesNotMatch(Vague, format);
        Assert.False(format.EndsWith('.'), "Messages are one sentence without a final period: " + format);
        var semicolon = format.LastIndexOf("; ", StringComparison.Ordinal);
        Assert.True(semicolon > 0, id + " has no '; <what to write instead>' clause: " + format);
        var clause = format.Substring(semicolon + 2);
        Assert.True(clause.StartsWith('{') || Replacement.IsMatch(clause), id + "'s last clause does not say what to write: " + clause);
    }

    [Fact]
    public async Task EveryDiagnosticOfTheNoncompliantSample_NamesControlRequirementConstructAndReplacement()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "Noncompliant");
        var yaml = File.ReadAllText(Path.Combine(sample, "security_requirements.yaml"));
        var controls = RequirementsParser.Parse(SourceText.From(yaml)).Controls.ToDictionary(c => c.Id);
        var compilation = await CompileSampleAsync(sample);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = await AnalyzerRunner.RunAsync(compilation, yaml, today: "2026-06-01");

        result.AssertNoAnalyzerExceptions();
        var diagnostics = result.Diagnostics.Where(d => d.Id.StartsWith("SRA", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["SRA1001", "SRA1002", "SRA1003", "SRA1004", "SRA1005", "SRA1006", "SRA1007", "SRA2001", "SRA2003", "SRA2005", "SRA3001", "SRA3002", "SRA9001", "SRA9002"],
            diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(diagnostics, diagnostic =>
        {
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var control = controls[diagnostic.Properties[RequirementsContext.ControlIdProperty]!];
            Assert.StartsWith(control.Id + " '" + control.Requirement + "': ", message, StringComparison.Ordinal);
            Assert.DoesNotMatch(Vague, message);

            // The construct: some name written at the reported place appears in the message.
            var flagged = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
            var names = Regex.Matches(flagged, "[A-Za-z_][A-Za-z0-9_]{2,}").Select(m => m.Value).ToList();
            Assert.True(names.Any(n => message.Contains(n, StringComparison.OrdinalIgnoreCase)), $"{diagnostic.Id} at '{flagged}' names nothing written there: {message}");

            var clause = message.Substring(message.LastIndexOf("; ", StringComparison.Ordinal) + 2);
            Assert.Matches(Replacement, clause);
        });
    }

    private static string Format(string id) =>
        DescriptorMetaTests.Descriptors.Single(d => d.Id == id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sample's sources with its implicit usings, against .NET 8 with ASP.NET Core (what its project references).</summary>
    private static async Task<Compilation> CompileSampleAsync(string sample)
    {
        var references = await PiiTestSetup.WithAspNetCore.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, path: f))
            .Append(CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                parseOptions,
                path: Path.Combine(sample, "obj", "GlobalUsings.g.cs")));
        return CSharpCompilation.Create("Noncompliant", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }
}
