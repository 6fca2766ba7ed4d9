using System.Collections.Immutable;
using System.IO.Enumeration;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>The C# files under a project folder, as the SDK's default globs see them (bin, obj and hidden folders left out).</summary>
internal static class SourceFiles
{
    /// <summary>Past this many files the set is cut short: a folder that large is not one project's sources.</summary>
    private const int Cap = 50_000;

    public static ImmutableHashSet<string> Under(string directory)
    {
        var files = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var enumerable = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsSkipped(entry.FileName),
        };
        foreach (var file in enumerable)
        {
            files.Add(file);
            if (files.Count >= Cap)
            {
                break;
            }
        }

        return files.ToImmutable();
    }

    private static bool IsSkipped(ReadOnlySpan<char> name) =>
        name.StartsWith(".") || name.Equals("bin", StringComparison.OrdinalIgnoreCase) || name.Equals("obj", StringComparison.OrdinalIgnoreCase)
        || name.Equals("node_modules", StringComparison.OrdinalIgnoreCase);
}
