namespace SecurityRequirements.Analyzers.Generators;

/// <summary>
/// A yes or no carried between pipeline steps. The driver's generic code (state tables, tuples of a combine) is shared
/// for reference types and precompiled in the compiler; a <see langword="bool"/> step makes a fresh compiler process JIT
/// all of it again for that value type, about 280 methods. Two instances only, so reference equality is value equality.
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
