using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.Bans;

/// <summary>A banned documentation id bound to the control that bans it.</summary>
internal sealed record BannedSymbol(ControlModel Control, string DisplayName);
