namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A control whose id an earlier requirements file of the same project already defined.</summary>
internal sealed record DuplicateControl(ControlModel Control, RequirementsFile File, ControlModel First, RequirementsFile FirstFile);
