using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Configuration;

/// <summary>A parsed requirements file: the valid controls and waivers, and every problem found.</summary>
internal sealed class RequirementsDocument
{
    public RequirementsDocument(string? version, ImmutableArray<ControlModel> controls, ImmutableArray<WaiverModel> waivers, ImmutableArray<ConfigError> errors)
    {
        Version = version;
        Controls = controls;
        Waivers = waivers;
        Errors = errors;
    }

    public string? Version { get; }

    public ImmutableArray<ControlModel> Controls { get; }

    public ImmutableArray<WaiverModel> Waivers { get; }

    public ImmutableArray<ConfigError> Errors { get; }
}
