using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

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

    // Four lanes of eight bytes per step (the tail's last 32 bytes overlapping), multiplied and folded.
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        ref byte first = ref MemoryMarshal.GetReference(bytes);
        int length = bytes.Length;
        ulong a = (ulong)length * Multiplier, b = ~a, c = a ^ 0x5555555555555555UL, d = a ^ 0xAAAAAAAAAAAAAAAAUL;
        if (length >= 32)
        {
            int i = 0;
            for (; i <= length - 32; i += 32)
            {
                a = Step(a, ref Unsafe.Add(ref first, i));
                b = Step(b, ref Unsafe.Add(ref first, i + 8));
                c = Step(c, ref Unsafe.Add(ref first, i + 16));
                d = Step(d, ref Unsafe.Add(ref first, i + 24));
            }

            if (i < length)
            {
                int last = length - 32;
                a = Step(a, ref Unsafe.Add(ref first, last));
                b = Step(b, ref Unsafe.Add(ref first, last + 8));
                c = Step(c, ref Unsafe.Add(ref first, last + 16));
                d = Step(d, ref Unsafe.Add(ref first, last + 24));
            }
        }
        else
        {
            foreach (byte x in bytes)
            {
                a = (BitOperations.RotateLeft(a, 8) ^ x) * Multiplier;
            }
        }

        ulong h = (a ^ BitOperations.RotateLeft(b, 17) ^ BitOperations.RotateLeft(c, 31) ^ BitOperations.RotateLeft(d, 47)) * Multiplier;
        return (uint)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong lane, ref byte at) =>
        (BitOperations.RotateLeft(lane, 23) ^ Unsafe.ReadUnaligned<ulong>(ref at)) * Multiplier;

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
