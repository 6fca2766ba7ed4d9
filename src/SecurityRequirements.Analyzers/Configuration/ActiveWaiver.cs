namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A waiver with the file that defines it, so path scopes resolve relative to that file.</summary>
internal sealed record ActiveWaiver(WaiverModel Waiver, RequirementsFile File);
