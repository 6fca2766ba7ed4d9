using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Analyzers.Tests.CodeFixes.Runtime;

/// <summary>
/// Emits a compilation to memory, loads it into a collectible load context that resolves the shared-framework and
/// package assemblies of <see cref="RuntimeReferences"/>, and calls its <c>Harness.Run()</c>: the code a fix wrote, run.
/// </summary>
internal static class CompiledHarness
{
    public static string Run(Compilation compilation, RuntimeReferences references)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors) + "\n" + Sources(compilation));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var context = new AssemblyLoadContext("fixed-code-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (loadContext, name) =>
            name.Name is { } simple && references.Loadable.TryGetValue(simple, out var path) ? loadContext.LoadFromAssemblyPath(path) : null;
        try
        {
            var harness = context.LoadFromStream(image).GetType("Harness", throwOnError: true)!;
            var run = harness.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            try
            {
                var result = run.Invoke(null, null);
                return result is Task<string> task ? task.GetAwaiter().GetResult() : (string)result!;
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
            {
                throw new FixedCodeFailedException(wrapped.InnerException, Sources(compilation));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Sources(Compilation compilation) =>
        string.Join("\n", compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith("GlobalUsings.g.cs", StringComparison.Ordinal)).Select(t => "// " + t.FilePath + "\n" + t));
}

/// <summary>The fixed code threw when it ran; the message carries the exception and the code.</summary>
public sealed class FixedCodeFailedException(Exception inner, string sources)
    : Exception("The fixed code threw " + inner.GetType().Name + ": " + inner.Message + "\n" + sources, inner);
