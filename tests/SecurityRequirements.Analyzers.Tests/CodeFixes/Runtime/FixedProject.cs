using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Tests.Verifiers;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// A project of several files taken through the code fixes the way <c>dotnet format analyzers</c> and an IDE's
/// "Fix all in project" take it: every analyzer of the package runs, each fixer's Fix All (project scope) is applied
/// with the equivalence key of the first action it offers, and analysis runs again until no fixer offers anything.
/// </summary>
internal sealed class FixedProject
{
    /// <summary>Implicit usings of an SDK-style project, as the code a fix lands in has them.</summary>
    public const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private const string Today = "2026-06-01";

    private FixedProject(Project project, ImmutableArray<Diagnostic> remaining, IReadOnlyList<string> applied)
    {
        Project = project;
        Remaining = remaining;
        Applied = applied;
    }

    public Project Project { get; }

    /// <summary>The package's diagnostics after the last fix.</summary>
    public ImmutableArray<Diagnostic> Remaining { get; }

    /// <summary>The equivalence keys of the Fix All actions applied, in order.</summary>
    public IReadOnlyList<string> Applied { get; }

    public static Task<FixedProject> ApplyAsync(RuntimeReferences references, string yaml, IEnumerable<CodeFixProvider> fixers, params (string Name, string Text)[] sources) =>
        ApplyAsync(references, yaml, fixers, generators: [], sources);

    public static async Task<FixedProject> ApplyAsync(RuntimeReferences references, string yaml, IEnumerable<CodeFixProvider> fixers, IEnumerable<ISourceGenerator> generators, params (string Name, string Text)[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "App",
            "App",
            LanguageNames.CSharp,
            filePath: "/app/App.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references.MetadataReferences,
            analyzerReferences: [new GeneratorReference([.. generators])]));
        foreach (var (name, text) in sources.Append(("GlobalUsings.g.cs", GlobalUsings)))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/app/" + name);
        }

        var fixerList = fixers.ToList();
        var applied = new List<string>();
        var diagnostics = await AnalyzeAsync(solution.GetProject(projectId)!, yaml);
        for (var round = 0; round < 20; round++)
        {
            var changed = false;
            foreach (var fixer in fixerList)
            {
                var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
                var project = solution.GetProject(projectId)!;
                foreach (var diagnostic in fixable)
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    if (actions.Count == 0)
                    {
                        continue;
                    }

                    var context = new FixAllContext(document, fixer, FixAllScope.Project, actions[0].EquivalenceKey, fixer.FixableDiagnosticIds, new Provider(fixable), CancellationToken.None);
                    var action = await fixer.GetFixAllProvider()!.GetFixAsync(context) ?? actions[0];
                    var operations = await action.GetOperationsAsync(CancellationToken.None);
                    var fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                    if (await SameTextAsync(solution, fixedSolution, projectId))
                    {
                        continue;
                    }

                    solution = fixedSolution;
                    applied.Add(actions[0].EquivalenceKey ?? fixer.GetType().Name);
                    changed = true;
                    break;
                }

                if (changed)
                {
                    break;
                }
            }

            if (!changed)
            {
                return new FixedProject(solution.GetProject(projectId)!, diagnostics, applied);
            }

            diagnostics = await AnalyzeAsync(solution.GetProject(projectId)!, yaml);
        }

        throw new InvalidOperationException("The fixes did not settle after 20 rounds: " + string.Join(", ", applied));
    }

    /// <summary>The text of one fixed file.</summary>
    public async Task<string> TextAsync(string name) =>
        (await Project.Documents.Single(d => d.Name == name).GetTextAsync()).ToString();

    /// <summary>The ids still reported, for assertions.</summary>
    public IEnumerable<string> RemainingIds => Remaining.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Compiles the fixed files (with their generated sources) plus <paramref name="harness"/>, asserts there are no errors, loads the assembly and runs <c>Harness.Run()</c>.</summary>
    public async Task<string> RunAsync(RuntimeReferences references, string harness)
    {
        var project = Project.AddDocument("Harness.cs", SourceText.From(harness), filePath: "/app/Harness.cs").Project;
        var compilation = (await project.GetCompilationAsync())!;
        return CompiledHarness.Run(compilation, references);
    }

    private static async Task<bool> SameTextAsync(Solution before, Solution after, ProjectId projectId)
    {
        foreach (var document in after.GetProject(projectId)!.Documents)
        {
            var old = before.GetDocument(document.Id);
            if (old is null || !(await old.GetTextAsync()).ContentEquals(await document.GetTextAsync()))
            {
                return false;
            }
        }

        return before.GetProject(projectId)!.DocumentIds.Count == after.GetProject(projectId)!.DocumentIds.Count;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, string yaml)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/app/security_requirements.yaml", yaml)),
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.SecurityRequirementsToday"] = Today }));
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerRunner.AllAnalyzers,
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "Analyzer exceptions: " + string.Join(Environment.NewLine, exceptions));
        return diagnostics;
    }

    /// <summary>Lets the project run source generators (the LoggerMessage generator of the audit helper).</summary>
    private sealed class GeneratorReference(ImmutableArray<ISourceGenerator> generators) : AnalyzerReference
    {
        public override string FullPath => "/generators";

        public override object Id => this;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => generators;
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
