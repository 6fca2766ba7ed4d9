namespace SecurityRequirements.Mcp.Workspace;

/// <summary>The project cannot be served; the message says why in words a tool error can carry as it is.</summary>
internal sealed class ProjectLoadException(string message) : Exception(message);
