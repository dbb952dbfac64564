using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TrailSift.Core.Common;

/// <summary>
/// Values remembered per string instance: for texts that recur as one shared string each (from a text cache or an
/// interner), a lookup costs the instance's identity hash and one reference compare instead of hashing and comparing
/// the characters. Direct-mapped: a slot holds the last string that mapped to it, so memory stays bounded whatever the
/// input; a miss only means the caller computes the value again (it must depend on the string's content alone).
/// </summary>
/// <remarks>Not thread-safe: one per owner (a scan worker, or a thread).</remarks>
/// <typeparam name="TValue">The value derived from a string.</typeparam>
internal sealed class InstanceMemo<TValue>
{
    private readonly (string? Key, TValue Value)[] _slots;
    private readonly int _mask;

    /// <summary>Creates a memo of <paramref name="slots"/> slots (a power of two).</summary>
    public InstanceMemo(int slots)
    {
        _slots = new (string?, TValue)[slots];
        _mask = slots - 1;
    }

    /// <summary>The value remembered for this very instance, if its slot still holds it.</summary>
    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        ref (string? Key, TValue Value) slot = ref _slots[RuntimeHelpers.GetHashCode(key) & _mask];
        value = slot.Value;
        return ReferenceEquals(slot.Key, key);
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> (replacing the slot's previous string).</summary>
    public void Set(string key, TValue value) => _slots[RuntimeHelpers.GetHashCode(key) & _mask] = (key, value);

    /// <summary>
    /// The value remembered for this very instance, or <paramref name="make"/>'s (then remembered). Pass a static lambda
    /// and its <paramref name="state"/>, so that nothing is allocated per call.
    /// </summary>
    public TValue GetOrAdd<TState>(string key, TState state, Func<string, TState, TValue> make)
    {
        ref (string? Key, TValue Value) slot = ref _slots[RuntimeHelpers.GetHashCode(key) & _mask];
        if (!ReferenceEquals(slot.Key, key))
        {
            slot = (key, make(key, state));
        }

        return slot.Value;
    }
}
