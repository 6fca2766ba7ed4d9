namespace SecurityRequirements.Tool;

/// <summary>Every command of the tool, found by reflection over this assembly and ordered by name.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<ToolCommand> All { get; } = typeof(ToolCommand).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ToolCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ToolCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static ToolCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
