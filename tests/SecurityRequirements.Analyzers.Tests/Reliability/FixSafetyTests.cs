using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.Reliability;

/// <summary>
/// Every code fix, run as Fix All (solution scope) over the noncompliant sample and the robustness corpus:
/// no new compiler errors, the fixed diagnostics are gone wherever a fix was offered, and a second Fix All
/// changes nothing.
/// </summary>
public class FixSafetyTests
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(SecurityRequirements.Analyzers.CodeFixes.Encryption.CryptoNames).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static TheoryData<string> FixerNames()
    {
        var data = new TheoryData<string>();
        foreach (var fixer in Fixers)
        {
            data.Add(fixer.GetType().Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public async Task FixAll_IsSafeAndIdempotent(string fixerName)
    {
        var fixer = Fixers.Single(f => f.GetType().Name == fixerName);
        var yaml = File.ReadAllText(Path.Combine(RepoRoot, "samples", "Noncompliant", "security_requirements.yaml"));
        var solution = CreateSolution(out var projectId);
        var before = await ErrorsAsync(solution.GetProject(projectId)!);

        var (fixedSolution, offered, initial) = await FixAllAsync(solution, projectId, fixer, yaml);
        if (initial == 0)
        {
            return; // nothing in the corpus for this fixer; its own tests cover it
        }

        var project = fixedSolution.GetProject(projectId)!;
        var after = await ErrorsAsync(project);
        foreach (var (id, count) in after)
        {
            Assert.True(count <= before.GetValueOrDefault(id), $"{fixerName} introduced compiler error {id} ({count} after, {before.GetValueOrDefault(id)} before)");
        }

        var remaining = (await DiagnosticsAsync(project, yaml)).Count(d => fixer.FixableDiagnosticIds.Contains(d.Id));
        Assert.True(remaining <= initial - offered, $"{fixerName}: {remaining} diagnostics remain of {initial}, {offered} had a fix");

        var (again, _, _) = await FixAllAsync(fixedSolution, projectId, fixer, yaml);
        foreach (var document in project.Documents)
        {
            Assert.Equal((await document.GetTextAsync()).ToString(), (await again.GetDocument(document.Id)!.GetTextAsync()).ToString());
        }
    }

    [Fact]
    public async Task Corpus_ExercisesMostFixers()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoRoot, "samples", "Noncompliant", "security_requirements.yaml"));
        var solution = CreateSolution(out var projectId);
        var ids = (await DiagnosticsAsync(solution.GetProject(projectId)!, yaml)).Select(d => d.Id).ToHashSet();
        var exercised = Fixers.Where(f => f.FixableDiagnosticIds.Any(ids.Contains)).Select(f => f.GetType().Name).ToList();

        Assert.True(exercised.Count * 10 >= Fixers.Length * 6, "fixers with work in the corpus: " + string.Join(", ", exercised) + "; ids: " + string.Join(", ", ids.Order()));
    }

    private static string RepoRoot => RepositoryPaths.Root;

    private static Solution CreateSolution(out ProjectId projectId)
    {
        var workspace = new AdhocWorkspace();
        projectId = ProjectId.CreateNewId();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Extensions.Logging.Abstractions.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Corpus", "Corpus", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
        var sources = Directory.GetFiles(Path.Combine(RepoRoot, "samples", "Noncompliant"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Name: Path.GetFileName(p), Text: File.ReadAllText(p)))
            .Append(("Robustness.cs", RobustnessSources.Mixed));
        foreach (var (name, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/corpus/" + name);
        }

        return solution;
    }

    private static async Task<Dictionary<string, int>> ErrorsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        return compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, string yaml)
    {
        var compilation = await project.GetCompilationAsync();
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/corpus/security_requirements.yaml", yaml)),
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.SecurityRequirementsToday"] = "2026-06-01" }));
        return await compilation!.WithAnalyzers(AnalyzerRunner.AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<(Solution Solution, int Offered, int Initial)> FixAllAsync(Solution solution, ProjectId projectId, CodeFixProvider fixer, string yaml)
    {
        var project = solution.GetProject(projectId)!;
        var diagnostics = (await DiagnosticsAsync(project, yaml)).Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        CodeAction? firstAction = null;
        Document? firstDocument = null;
        var offered = 0;
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count > 0)
            {
                offered++;
                firstAction ??= actions[0];
                firstDocument ??= document;
            }
        }

        if (firstAction is null || fixer.GetFixAllProvider() is not { } fixAll)
        {
            return (solution, offered, diagnostics.Length);
        }

        var context = new FixAllContext(firstDocument!, fixer, FixAllScope.Solution, firstAction.EquivalenceKey, fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        if (action is null)
        {
            return (solution, offered, diagnostics.Length);
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (changed, offered, diagnostics.Length);
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree!.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
