namespace SecurityRequirements.Mcp.Workspace;

/// <summary>The project the server serves: its full path, or why none could be chosen (then every tool call says so).</summary>
internal sealed record ProjectTarget(string? ProjectPath, string? Problem);
