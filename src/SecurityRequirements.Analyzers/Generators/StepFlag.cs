namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// A yes or no carried between pipeline steps. The driver's generic code (state tables, the tuples of a combine) is
/// compiled once for all reference types, and shared with every step of that shape, ours and other generators'; a
/// <see langword="bool"/> step makes a fresh compiler process JIT all of it for that value type alone (about 200 to 330
/// methods, docs/performance.md). Two instances only, so reference equality is value equality.
/// </summary>
internal sealed class StepFlag
{
    public static readonly StepFlag Yes = new(true);
    public static readonly StepFlag No = new(false);

    private StepFlag(bool value) => Value = value;

    public bool Value { get; }

    public static StepFlag Of(bool value) => value ? Yes : No;

    public override string ToString() => Value ? "yes" : "no";
}
