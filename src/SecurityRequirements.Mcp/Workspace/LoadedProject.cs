using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>
/// The loaded project as it is on disk: a Roslyn snapshot that tool calls fork with proposed texts and never change.
/// Files edited on disk since the last call are read again (an edit, as in an IDE: only their trees are replaced, so the
/// compilation stays warm); anything that changes how the project builds needs a reload, which <see cref="Stamps"/> detects.
/// </summary>
internal sealed class LoadedProject : IDisposable
{
    private readonly MSBuildWorkspace _workspace;
    private ImmutableDictionary<DocumentId, (long Ticks, long Length)> _documentStamps;

    public LoadedProject(
        MSBuildWorkspace workspace,
        Project project,
        string projectPath,
        string sdkVersion,
        bool referencesPackage,
        string? injectedRequirementsFile,
        InputStamps stamps)
    {
        _workspace = workspace;
        Project = project;
        ProjectPath = projectPath;
        ProjectDirectory = Path.GetDirectoryName(projectPath)!;
        SdkVersion = sdkVersion;
        ReferencesPackage = referencesPackage;
        InjectedRequirementsFile = injectedRequirementsFile;
        Stamps = stamps;
        AnalyzerOptions = project.AnalyzerOptions;
        _documentStamps = project.Documents
            .Where(d => d.FilePath is not null)
            .ToImmutableDictionary(d => d.Id, d => Stamp(d.FilePath!));
    }

    /// <summary>The project with the texts on disk (as of the last <see cref="RefreshFromDisk"/>).</summary>
    public Project Project { get; private set; }

    public string ProjectPath { get; }

    public string ProjectDirectory { get; }

    public string SdkVersion { get; }

    /// <summary>Whether the project references SecurityRequirements.Analyzers (so its build enforces the requirements).</summary>
    public bool ReferencesPackage { get; }

    /// <summary>The requirements file the server added to a project without the package, as the package would; or null.</summary>
    public string? InjectedRequirementsFile { get; }

    public InputStamps Stamps { get; }

    /// <summary>
    /// Whether restore has run (obj/project.assets.json exists). Without it the design-time build still gives the framework's
    /// references, but none of the packages', so the project loads and code that uses a package shows compiler errors.
    /// </summary>
    public bool Restored => File.Exists(Path.Combine(ProjectDirectory, "obj", "project.assets.json"));

    /// <summary>
    /// One instance for the life of this load: the policy is resolved once per options instance and reused by every call,
    /// so an edit to C# never re-reads the requirements.
    /// </summary>
    public AnalyzerOptions AnalyzerOptions { get; }

    /// <summary>Reads again the C# files whose time stamp or size changed on disk; returns how many.</summary>
    public int RefreshFromDisk()
    {
        var solution = Project.Solution;
        var stamps = _documentStamps;
        var changed = 0;
        foreach (var pair in _documentStamps)
        {
            var document = solution.GetDocument(pair.Key);
            if (document?.FilePath is not { } path)
            {
                continue;
            }

            var now = Stamp(path);
            if (now == pair.Value || now.Length < 0)
            {
                continue;
            }

            solution = solution.WithDocumentText(pair.Key, ProjectLoader.ReadText(path));
            stamps = stamps.SetItem(pair.Key, now);
            changed++;
        }

        if (changed > 0)
        {
            Project = solution.GetProject(Project.Id)!;
            _documentStamps = stamps;
        }

        return changed;
    }

    public void Dispose() => _workspace.Dispose();

    private static (long Ticks, long Length) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc.Ticks, info.Length) : (0, -1);
    }
}
