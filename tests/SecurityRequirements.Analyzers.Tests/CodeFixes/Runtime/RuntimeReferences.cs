using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// What fixed code is compiled against and then run on: the implementation assemblies of the running .NET and of the
/// ASP.NET Core shared framework installed next to it (what an app of this SDK runs on), plus the library assemblies
/// of NuGet packages where a fix targets one. The same files load at run time, so "compiles" and "runs" see one API.
/// </summary>
internal sealed class RuntimeReferences
{
    private static readonly Lazy<RuntimeReferences> SharedFrameworks = new(CreateSharedFrameworks);

    private RuntimeReferences(ImmutableArray<string> compileFiles, ImmutableDictionary<string, string> loadable)
    {
        CompileFiles = compileFiles;
        Loadable = loadable;
    }

    /// <summary>.NET and ASP.NET Core, as installed with the SDK that runs the tests.</summary>
    public static RuntimeReferences AspNetCore => SharedFrameworks.Value;

    /// <summary>Every assembly the compilation references.</summary>
    public ImmutableArray<string> CompileFiles { get; }

    /// <summary>Assemblies outside the default load context, by simple name, for the load context of a run.</summary>
    public ImmutableDictionary<string, string> Loadable { get; }

    public IEnumerable<MetadataReference> MetadataReferences => CompileFiles.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));

    /// <summary>These references plus the library assemblies of the packages in <paramref name="packages"/> (resolved by the test harness).</summary>
    public async Task<RuntimeReferences> WithPackagesAsync(ReferenceAssemblies packages)
    {
        var framework = (await SecurityRequirements.Analyzers.Tests.Verifiers.TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = CompileFiles.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = (await packages.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .OfType<PortableExecutableReference>()
            .Select(r => r.FilePath!)
            .Where(path => !framework.Contains(Path.GetFileName(path)) && !known.Contains(Path.GetFileName(path))
                && !path.Contains("microsoft.aspnetcore.app.ref", StringComparison.OrdinalIgnoreCase)
                && !path.Contains("microsoft.netcore.app.ref", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var loadable = Loadable;
        foreach (var path in added)
        {
            loadable = loadable.SetItem(Path.GetFileNameWithoutExtension(path), path);
        }

        return new RuntimeReferences(CompileFiles.AddRange(added), loadable);
    }

    private static RuntimeReferences CreateSharedFrameworks()
    {
        var netCore = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var version = Path.GetFileName(netCore);
        var aspNetRoot = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netCore)!)!, "Microsoft.AspNetCore.App");
        var aspNet = Path.Combine(aspNetRoot, version);
        if (!Directory.Exists(aspNet))
        {
            // The same major version, newest first: the SDK installs both shared frameworks side by side.
            aspNet = Directory.GetDirectories(aspNetRoot)
                .Where(d => Path.GetFileName(d).Split('.')[0] == version.Split('.')[0])
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
                .First();
        }

        var netCoreFiles = ManagedAssemblies(netCore);
        var netCoreNames = netCoreFiles.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aspNetFiles = ManagedAssemblies(aspNet).Where(f => !netCoreNames.Contains(Path.GetFileName(f))).ToList();
        return new RuntimeReferences(
            netCoreFiles.Concat(aspNetFiles).ToImmutableArray(),
            aspNetFiles.ToImmutableDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.OrdinalIgnoreCase));
    }

    private static List<string> ManagedAssemblies(string directory) =>
        Directory.GetFiles(directory, "*.dll").Where(IsManaged).Order(StringComparer.Ordinal).ToList();

    private static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
