using System.IO.Hashing;
using System.Numerics;

namespace TrailSift.Core.Events;

/// <summary>
/// The callers <see cref="PrincipalResolver"/> resolved lately, by the exact bytes of their <c>userIdentity</c>
/// object: a direct-mapped table per thread, so the caller of a recurring identity (the same session, call after call)
/// costs a hash and a compare of its bytes instead of a walk over its fields and a lookup of each field's text. The
/// answer is a function of those bytes alone. A slot holds the last identity that hashed to it, its bytes copied into
/// the slot's own buffer (reused), so memory stays bounded whatever the input.
/// </summary>
/// <remarks>One table per thread ([ThreadStatic]); nothing is shared, so it is thread-safe.</remarks>
internal static class PrincipalMemo
{
    /// <summary>Identities longer than this are resolved each time.</summary>
    internal const int MaxBytes = 2048;

    private const int Slots = 128;

    [ThreadStatic]
    private static Table? t_table;

    /// <summary>The caller kept for <paramref name="identity"/>'s bytes, when this thread has one.</summary>
    public static bool TryGet(ReadOnlySpan<byte> identity, out ResolvedPrincipal caller)
    {
        Table? table = t_table;
        if (table is not null && identity.Length <= MaxBytes)
        {
            uint hash = Hash(identity);
            ref Slot slot = ref table.Slots[hash & (Slots - 1)];
            if (slot.Hash == hash && slot.Bytes is { } kept && slot.Length == identity.Length && kept.AsSpan(0, slot.Length).SequenceEqual(identity))
            {
                caller = slot.Caller;
                return true;
            }
        }

        caller = default;
        return false;
    }

    /// <summary>Keeps <paramref name="caller"/> as the caller of <paramref name="identity"/>'s bytes.</summary>
    public static void Keep(ReadOnlySpan<byte> identity, in ResolvedPrincipal caller)
    {
        if (identity.Length > MaxBytes)
        {
            return;
        }

        Table table = t_table ??= new Table();
        uint hash = Hash(identity);
        ref Slot slot = ref table.Slots[hash & (Slots - 1)];
        if (slot.Bytes is null || slot.Bytes.Length < identity.Length)
        {
            slot.Bytes = new byte[Math.Max(512, (int)BitOperations.RoundUpToPowerOf2((uint)identity.Length))];
        }

        identity.CopyTo(slot.Bytes);
        slot.Length = identity.Length;
        slot.Hash = hash;
        slot.Caller = caller;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes) => (uint)XxHash3.HashToUInt64(bytes);

    private struct Slot
    {
        public uint Hash;
        public int Length;
        public byte[]? Bytes;
        public ResolvedPrincipal Caller;
    }

    private sealed class Table
    {
        public readonly Slot[] Slots = new Slot[PrincipalMemo.Slots];
    }
}
