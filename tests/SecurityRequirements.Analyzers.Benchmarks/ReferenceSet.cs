using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// The net10 reference assemblies of the running SDK (Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref
/// under the dotnet root), so the generated code compiles as an ASP.NET Core project would, with no download.
/// </summary>
internal static class ReferenceSet
{
    public static IReadOnlyList<MetadataReference> Load(out string description)
    {
        var root = DotnetRoot();
        var references = new List<MetadataReference>();
        var found = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var packDirectory = Path.Combine(root, "packs", pack);
            var version = Directory.Exists(packDirectory)
                ? Directory.GetDirectories(packDirectory)
                    .Select(Path.GetFileName)
                    .Where(v => Version.TryParse(v!.Split('-')[0], out var parsed) && parsed.Major == Environment.Version.Major)
                    .OrderBy(v => Version.Parse(v!.Split('-')[0]))
                    .LastOrDefault()
                : null;
            if (version is null)
            {
                throw new InvalidOperationException($"{pack} for .NET {Environment.Version.Major} was not found under {packDirectory}.");
            }

            var refDirectory = Path.Combine(packDirectory, version, "ref", $"net{Environment.Version.Major}.0");
            foreach (var dll in Directory.GetFiles(refDirectory, "*.dll").Order(StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(dll));
            }

            found.Add($"{pack} {version}");
        }

        description = string.Join(", ", found);
        return references;
    }

    private static string DotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }

        // The shared runtime lives at <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
    }
}
