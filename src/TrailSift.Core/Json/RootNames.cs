using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrailSift.Core.Json;

/// <summary>
/// A hash table of the property names of a record's root object, so that the many consumers that each look a
/// top-level field up by name (coverage, tagging facts, principal, context, mapper) pay a hash and one compare instead
/// of a walk over every root property. Built on the second root lookup of a record (a record read for one field pays
/// no more than before), or on its first when the record before it was looked up more than once, from one walk over
/// the root; a repeated name maps to its last occurrence, as
/// <see cref="JsonNode.GetProperty(ReadOnlySpan{byte})"/> reads it. A root with an escaped name, or with more than
/// <see cref="MaxNames"/> properties, is not tabled: its lookups walk the root as before, so every input reads the same.
/// </summary>
/// <remarks>Mutable; owned by the thread that owns its <see cref="IndexedJson"/>.</remarks>
internal sealed class RootNames
{
    /// <summary>Roots with more properties than this are walked, not tabled.</summary>
    internal const int MaxNames = 1024;

    private const int MinSlots = 64;

    // Slot: the value token of a root property, 0 when empty (a value token is never 0: the root is).
    private int[] _slots = [];
    private int _mask = MinSlots - 1;
    private long _version = -1;
    private State _state;

    // Root lookups of the current record, counted up to 2. When the last record had two or more, this one's table is
    // built on its first lookup (a scan reading many fields of every record walks none); else on its second (a scan
    // reading one field of each pays no table).
    private int _lookups;

    private enum State
    {
        Unread, // no root lookup since the index was rebuilt
        Walked, // one root lookup walked the root
        Tabled, // the table holds the root's names
        Untabled, // the root cannot be tabled (escaped name, too many names, not an object)
    }

    /// <summary>
    /// Looks <paramref name="utf8Name"/> up among the root's properties: true with the value token (-1: absent) when
    /// the table answers; false when the caller must walk the root.
    /// </summary>
    public bool TryFind(RecordIndex index, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> utf8Name, out int value)
    {
        value = -1;
        if (_version != index.Version)
        {
            _version = index.Version;
            _state = _lookups >= 2 ? State.Walked : State.Unread;
            _lookups = 0;
        }

        _lookups = Math.Min(_lookups + 1, 2);

        switch (_state)
        {
            case State.Unread:
                _state = State.Walked;
                return false;
            case State.Walked:
                _state = Build(index, bytes) ? State.Tabled : State.Untabled;
                if (_state == State.Untabled)
                {
                    return false;
                }

                break;
            case State.Untabled:
                return false;
        }

        int slot = Hash(utf8Name) & _mask;
        while (_slots[slot] is int token and > 0)
        {
            ref JsonToken name = ref index[token - 1];
            if (bytes.Slice(name.Start, name.Length).SequenceEqual(utf8Name))
            {
                value = token;
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        return true;
    }

    // Fills the table from the root's names; false when the root cannot be tabled.
    private bool Build(RecordIndex index, ReadOnlySpan<byte> bytes)
    {
        ref JsonToken root = ref index[0];
        if (root.Kind != JsonKind.Object || root.ChildCount > MaxNames)
        {
            return false;
        }

        // The table only grows (a record's size class varies from event to event): a smaller root uses its start.
        int size = Math.Max(MinSlots, (int)BitOperations.RoundUpToPowerOf2((uint)root.ChildCount * 2));
        if (_slots.Length < size)
        {
            _slots = new int[size];
        }
        else
        {
            Array.Clear(_slots, 0, size);
        }

        _mask = size - 1;
        int end = root.Next;
        for (int i = 1; i < end; i = index[i + 1].Next)
        {
            ref JsonToken name = ref index[i];
            if (name.HasEscapes)
            {
                return false;
            }

            ReadOnlySpan<byte> text = bytes.Slice(name.Start, name.Length);
            int slot = Hash(text) & _mask;
            while (_slots[slot] is int token and > 0)
            {
                ref JsonToken known = ref index[token - 1];
                if (bytes.Slice(known.Start, known.Length).SequenceEqual(text))
                {
                    break; // a repeated name: the later value replaces the earlier
                }

                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }

        return true;
    }

    // Length and the first and last eight bytes (fewer for short names), mixed; any collision only costs a probe.
    private static int Hash(ReadOnlySpan<byte> name)
    {
        ulong x;
        ref byte first = ref MemoryMarshal.GetReference(name);
        if (name.Length >= 8)
        {
            x = Unsafe.ReadUnaligned<ulong>(ref first)
                ^ BitOperations.RotateLeft(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, name.Length - 8)), 29);
        }
        else
        {
            x = 0;
            foreach (byte b in name)
            {
                x = (x << 8) | b;
            }
        }

        x = (x ^ (ulong)name.Length) * 0x9E3779B97F4A7C15UL;
        return (int)(x >> 33);
    }
}
