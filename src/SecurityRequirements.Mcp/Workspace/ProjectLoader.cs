using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using SecurityRequirements.Analyzers.Configuration;
using SecurityRequirements.Mcp.Analysis;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>
/// Loads the project with MSBuildWorkspace (a design-time build by the .NET SDK's MSBuild, in the workspace's own build
/// host process) and prepares it for this server: the package's analyzer references are taken out (the server runs its
/// own copy of the same analyzers, once), and a project that does not reference the package gets the requirements file
/// and build properties the package's build files would give it, so that it is checked as it would be with the package.
/// </summary>
internal static class ProjectLoader
{
    /// <summary>Where the build properties of a project without the package are given to the analyzers (in memory only).</summary>
    public const string InjectedConfigFileName = "SecurityRequirements.Mcp.globalconfig";

    public static async Task<LoadedProject> LoadAsync(string projectPath, ServerLog log, CancellationToken cancellationToken)
    {
        if (!string.Equals(Path.GetExtension(projectPath), ".csproj", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProjectLoadException($"'{projectPath}' is not a C# project file (.csproj)");
        }

        if (!File.Exists(projectPath))
        {
            throw new ProjectLoadException($"the project file '{projectPath}' does not exist");
        }

        // The workspace's build host finds MSBuild itself; asking the locator first turns "no SDK" into a clear message.
        var sdk = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault()
            ?? throw new ProjectLoadException("no .NET SDK was found (MSBuildWorkspace needs the SDK's MSBuild); install the .NET SDK or put dotnet on PATH");

        var failures = new List<string>();
        var workspace = MSBuildWorkspace.Create();
        var handedOver = false;
        try
        {
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    lock (failures)
                    {
                        failures.Add(e.Diagnostic.Message);
                    }
                }
            });

            Project project;
            try
            {
                project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ProjectLoadException(Describe(projectPath, failures, e.Message));
            }

            if (failures.Count > 0)
            {
                throw new ProjectLoadException(Describe(projectPath, failures, null));
            }

            if (project.Language != LanguageNames.CSharp)
            {
                throw new ProjectLoadException($"'{projectPath}' is a {project.Language} project; the analyzers check C# only");
            }

            var prepared = Prepare(project, projectPath, cancellationToken);
            var stamps = InputStamps.Capture(projectPath, prepared.RequirementsFiles);
            var loaded = new LoadedProject(workspace, prepared.Project, projectPath, sdk.Version.ToString(), prepared.ReferencesPackage, prepared.InjectedRequirementsFile, stamps);
            log.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"loaded {Path.GetFileName(projectPath)} ({prepared.Project.DocumentIds.Count} C# files, SDK {sdk.Version}, requirements: {(prepared.RequirementsFiles.IsEmpty ? "package baseline" : string.Join(", ", prepared.RequirementsFiles))})"));
            handedOver = true;
            return loaded;
        }
        finally
        {
            if (!handedOver)
            {
                workspace.Dispose();
            }
        }
    }

    private static string Describe(string projectPath, List<string> failures, string? exception)
    {
        var reasons = new List<string>(failures.Distinct(StringComparer.Ordinal).Take(5));
        if (exception is not null && !reasons.Any(r => r.Contains(exception, StringComparison.Ordinal)))
        {
            reasons.Add(exception);
        }

        var text = $"the project '{projectPath}' does not load: {string.Join("; ", reasons)}";
        if (reasons.Any(r => r.Contains("project.assets.json", StringComparison.OrdinalIgnoreCase) || r.Contains("NETSDK1004", StringComparison.Ordinal)))
        {
            text += "; run 'dotnet restore' on it first";
        }

        return text;
    }

    private static (Project Project, bool ReferencesPackage, string? InjectedRequirementsFile, ImmutableArray<string> RequirementsFiles) Prepare(
        Project project, string projectPath, CancellationToken cancellationToken)
    {
        var referencesPackage = false;
        foreach (var reference in project.AnalyzerReferences.ToList())
        {
            if (SraComponents.IsPackageAssembly(reference.FullPath))
            {
                referencesPackage = true;
                project = project.RemoveAnalyzerReference(reference);
            }
        }

        var projectDirectory = Path.GetDirectoryName(projectPath)!;
        string? injected = null;
        if (!referencesPackage)
        {
            // As the package's .targets would: the nearest security_requirements.yaml at or above the project folder.
            var hasRequirements = project.AdditionalDocuments.Any(d => IsRequirementsFileName(d.FilePath));
            if (!hasRequirements && FindNearestRequirementsFile(projectDirectory) is { } nearest)
            {
                injected = nearest;
                project = project.AddAdditionalDocument(Path.GetFileName(nearest), ReadText(nearest), filePath: nearest).Project;
            }

            project = project.AddAnalyzerConfigDocument(
                InjectedConfigFileName,
                SourceText.From(InjectedConfig(projectDirectory), System.Text.Encoding.UTF8),
                filePath: Path.Combine(projectDirectory, "obj", InjectedConfigFileName)).Project;
        }

        var options = project.AnalyzerOptions;
        var requirementsFiles = options.AdditionalFiles
            .Where(f => RequirementsContext.IsRequirementsFile(f, options.AnalyzerConfigOptionsProvider))
            .Select(f => f.Path)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        cancellationToken.ThrowIfCancellationRequested();
        return (project, referencesPackage, injected, requirementsFiles);
    }

    /// <summary>The properties SecurityRequirements.Analyzers.props/.targets make visible to the compiler, at their defaults.</summary>
    private static string InjectedConfig(string projectDirectory) =>
        "is_global = true\n"
        + "build_property.SecurityRequirementsToday = " + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n"
        + "build_property.SecurityRequirementsTodayPinned = false\n"
        + "build_property.SecurityRequirementsAnalyzersRun = true\n"
        + "build_property.MSBuildProjectDirectory = " + projectDirectory + "\n";

    public static bool IsRequirementsFileName(string? path) =>
        string.Equals(Path.GetFileName(path), RequirementsContext.FileName, StringComparison.OrdinalIgnoreCase);

    public static string? FindNearestRequirementsFile(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RequirementsContext.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static SourceText ReadText(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return SourceText.From(stream, throwIfBinaryDetected: false);
    }
}
