using System;
using System.Collections.Immutable;

namespace SecurityRequirements.Analyzers.Internal;

/// <summary>
/// A collected list that flows through the generator pipeline as a reference type, compared by its elements.
/// </summary>
/// <remarks>
/// Why not <see cref="ImmutableArray{T}"/> or <see cref="EquatableArray{T}"/> after <c>Collect()</c>: every struct (and
/// every tuple holding one) that flows through the incremental driver makes the JIT compile the driver's generic
/// tables and nodes once more for that shape, in every compiler process, since no precompiled code exists for our types.
/// A reference type shares the code every generator already uses, which took hundreds of methods off a first build.
/// </remarks>
internal sealed class ValueList<T> : IEquatable<ValueList<T>>
    where T : class, IEquatable<T>
{
    public ValueList(ImmutableArray<T> items)
    {
        Items = items.IsDefault ? ImmutableArray<T>.Empty : items;
    }

    public ImmutableArray<T> Items { get; }

    public bool Equals(ValueList<T>? other)
    {
        if (other is null || other.Items.Length != Items.Length)
        {
            return false;
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (!Items[i].Equals(other.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = Items.Length;
        foreach (var item in Items)
        {
            hash = unchecked((hash * 31) + item.GetHashCode());
        }

        return hash;
    }
}
