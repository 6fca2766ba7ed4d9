using Microsoft.CodeAnalysis;

namespace SecurityRequirements.Mcp.Workspace;

/// <summary>A proposed file in the forked project: its document, full path, path relative to the project folder, and whether it is new.</summary>
internal sealed record ProposedDocument(DocumentId Id, string FullPath, string RelativePath, bool IsNew);
