using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecurityRequirements.Analyzers.Configuration;

namespace SecurityRequirements.Analyzers.Analyzers.PiiAudit;

/// <summary>
/// What both PII checks (SRA3001 and SRA3002) bind of one compilation: the logging and identity symbols, the logging
/// wrappers and a <see cref="PiiAuditPolicy"/> per control. It is built once per compilation and shared, so the type
/// lookups and the attribute search run once, and each member is classified once for both checks.
/// </summary>
internal sealed class PiiAuditSetup
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<PiiAuditSetup>> ByCompilation = new();

    private PiiAuditSetup(Compilation compilation, ImmutableArray<ControlModel> controls)
    {
        Controls = controls;
        Logging = new LoggingSymbols(compilation);
        Identity = new IdentitySources(compilation);
        Wrappers = new LoggerWrappers(Logging);
        Policies = PiiAuditPolicy.Create(controls, compilation, Logging, Identity, Wrappers);
        foreach (var policy in Policies)
        {
            CanFindAny |= policy.Classifier.CanFindAny;
        }
    }

    /// <summary>The pii-audit controls the setup was built for.</summary>
    public ImmutableArray<ControlModel> Controls { get; }

    public LoggingSymbols Logging { get; }

    public IdentitySources Identity { get; }

    public LoggerWrappers Wrappers { get; }

    public ImmutableArray<PiiAuditPolicy> Policies { get; }

    /// <summary>False when nothing in the compilation or its references can be personal data under any of the controls.</summary>
    public bool CanFindAny { get; }

    /// <summary>
    /// The setup of <paramref name="compilation"/> for <paramref name="controls"/>, built by whichever check asks first.
    /// Both checks read the controls from the same policy; controls that differ (other analyzer options for the same
    /// compilation) get a setup of their own.
    /// </summary>
    public static PiiAuditSetup For(Compilation compilation, ImmutableArray<ControlModel> controls)
    {
        var setup = ByCompilation.GetValue(compilation, c => new Lazy<PiiAuditSetup>(() => new PiiAuditSetup(c, controls), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return setup.Controls == controls ? setup : new PiiAuditSetup(compilation, controls);
    }
}
