using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TrailSift.Core.Json;

/// <summary>
/// The strings of JSON string values that recur from event to event (regions, accounts, bucket and key ARNs, role
/// names): a direct-mapped table per thread from the value's UTF-8 bytes to a string made once, so a recurring value
/// costs a hash and a compare instead of an allocation. Only unescaped ASCII values are kept (their string is the
/// bytes widened); any other value is decoded as <see cref="JsonNode.GetString"/> does, uncached. A slot holds the
/// last value that hashed to it, so memory stays bounded whatever the input.
/// </summary>
/// <remarks>One table per thread ([ThreadStatic]); nothing is shared, so it is thread-safe.</remarks>
internal static class TextCache
{
    private const int Slots = 4096;
    private const int MaxCachedLength = 256;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    [ThreadStatic]
    private static Table? t_table;

    /// <summary>The text of a string node (as <see cref="JsonNode.GetString"/>), or null when it is not a string.</summary>
    public static string? Text(JsonNode node) => node.Kind == JsonKind.String ? Get(node) : null;

    /// <summary>The text of a string node, as <see cref="JsonNode.GetString"/> gives it.</summary>
    public static string Get(JsonNode node)
    {
        if (node.HasEscapes)
        {
            return node.GetString();
        }

        ReadOnlySpan<byte> raw = node.RawStringContent;
        if (raw.Length > MaxCachedLength)
        {
            return node.GetString();
        }

        Table table = t_table ??= new Table();
        uint hash = Hash(raw);
        int slot = (int)(hash & (Slots - 1));

        // The slot's hash is compared first, so a slot holding another value is passed over without reading its string;
        // a cached string is ASCII, so equal bytes are ASCII too (Ascii.Equals is false for any other byte).
        if (table.Hashes[slot] == hash && table.Strings[slot] is string cached && cached.Length == raw.Length && Ascii.Equals(raw, cached))
        {
            return cached;
        }

        if (!Ascii.IsValid(raw))
        {
            return node.GetString();
        }

        string made = Encoding.ASCII.GetString(raw);
        table.Strings[slot] = made;
        table.Hashes[slot] = hash;
        return made;
    }

    // Eight bytes at a time (the last eight overlapping), multiplied; the high half is well mixed. Any collision only
    // costs a miss.
    private static uint Hash(ReadOnlySpan<byte> raw)
    {
        ref byte first = ref MemoryMarshal.GetReference(raw);
        int length = raw.Length;
        ulong h = (ulong)length * Multiplier;
        if (length >= 8)
        {
            int i = 0;
            for (; i <= length - 8; i += 8)
            {
                h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i))) * Multiplier;
            }

            if (i < length)
            {
                h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, length - 8))) * Multiplier;
            }
        }
        else
        {
            ulong x = 0;
            for (int i = 0; i < length; i++)
            {
                x = (x << 8) | Unsafe.Add(ref first, i);
            }

            h = (h ^ x) * Multiplier;
        }

        return (uint)(h >> 32);
    }

    // A thread's slots: the string last made for each, and the hash of its bytes.
    private sealed class Table
    {
        public readonly string?[] Strings = new string?[Slots];
        public readonly uint[] Hashes = new uint[Slots];
    }
}
