using System.IO.Hashing;
using System.Numerics;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// The mapper's recent plans by the UTF-8 bytes of their unescaped <c>eventSource</c> and <c>eventName</c>: a
/// direct-mapped table, so a recurring pair costs a hash and two byte compares instead of decoding it to chars and
/// looking the text up. A slot holds the last pair that hashed to it; a miss only costs the text lookup.
/// </summary>
/// <remarks>
/// Thread-safe: a slot holds an immutable entry, replaced whole (a reader sees the old entry or the new one, both
/// right for their own bytes).
/// </remarks>
internal sealed class PlanSlots
{
    private const int Slots = 1024;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The plan kept for the pair, or null.</summary>
    public OperationPlan? Find(ReadOnlySpan<byte> source, ReadOnlySpan<byte> name)
    {
        Entry? entry = Volatile.Read(ref _entries[Slot(source, name)]);
        return entry is not null && entry.Source.AsSpan().SequenceEqual(source) && entry.Name.AsSpan().SequenceEqual(name)
            ? entry.Plan : null;
    }

    /// <summary>Keeps <paramref name="plan"/> as the pair's (replacing whatever shared its slot).</summary>
    public void Keep(ReadOnlySpan<byte> source, ReadOnlySpan<byte> name, OperationPlan plan) =>
        Volatile.Write(ref _entries[Slot(source, name)], new Entry(source.ToArray(), name.ToArray(), plan));

    private static int Slot(ReadOnlySpan<byte> source, ReadOnlySpan<byte> name) =>
        (int)((XxHash3.HashToUInt64(source) ^ BitOperations.RotateLeft(XxHash3.HashToUInt64(name), 17)) >> 54);

    private sealed record Entry(byte[] Source, byte[] Name, OperationPlan Plan);
}
