using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Benchmarks;

/// <summary>
/// Loads each analyzer package's assemblies into a load context of their own, as the compiler does:
/// SecurityCodeScan ships its own YamlDotNet, which must not meet ours. Roslyn itself comes from the host.
/// </summary>
internal sealed class IsolatedAnalyzerLoader : IAnalyzerAssemblyLoader
{
    private readonly ConcurrentDictionary<string, DirectoryContext> _contexts = new(StringComparer.Ordinal);

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) =>
        _contexts.GetOrAdd(Path.GetDirectoryName(fullPath)!, directory => new DirectoryContext(directory)).LoadFromAssemblyPath(fullPath);

    private sealed class DirectoryContext(string directory) : AssemblyLoadContext("analyzers:" + directory)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
