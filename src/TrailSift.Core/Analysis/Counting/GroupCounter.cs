using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TrailSift.Core.Common;
using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Counting;

/*! Analysis/Counting: counts of selected events grouped by field values (`trailsift count`). An
    accumulator per scan worker, merged at the end. Depends on Events and Common. */

/// <summary>
/// Counts selected events grouped by the values of key selectors. Keys are kept as bytes (a type tag
/// plus decoded string or compact JSON per part) and looked up by span, so an event whose group exists
/// allocates nothing.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker; combine with <see cref="Merge"/>.</remarks>
public sealed class GroupCounter : IEventSink, ISequencedSink
{
    private readonly GroupKeyWriter[] _keys;
    private readonly Dictionary<byte[], long> _counts = new(GroupKeyComparer.Instance);
    private readonly ArrayBufferWriter<byte> _key = new(256);

    /// <summary>Creates a counter for the given key writers (none: one total).</summary>
    public GroupCounter(IReadOnlyList<GroupKeyWriter> keys)
    {
        _keys = [.. keys];
    }

    /// <summary>Total events counted.</summary>
    public long Total { get; private set; }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        Total++;
        if (_keys.Length == 0)
        {
            return;
        }

        _key.ResetWrittenCount();
        for (int i = 0; i < _keys.Length; i++)
        {
            // Each part: a type tag, a 4-byte length, then decoded string bytes or compact JSON.
            int tagAt = _key.WrittenCount;
            Put("j\0\0\0\0"u8);
            int lengthAt = tagAt + 1;
            if (_keys[i](record, _key))
            {
                MemoryMarshal.AsMemory(_key.WrittenMemory).Span[tagAt] = (byte)'s';
            }

            Span<byte> written = MemoryMarshal.AsMemory(_key.WrittenMemory).Span;
            BinaryPrimitives.WriteInt32LittleEndian(written[lengthAt..], _key.WrittenCount - lengthAt - 4);
        }

        Dictionary<byte[], long>.AlternateLookup<ReadOnlySpan<byte>> lookup = _counts.GetAlternateLookup<ReadOnlySpan<byte>>();
        ReadOnlySpan<byte> key = _key.WrittenSpan;
        lookup.TryGetValue(key, out long n);
        lookup[key] = n + 1;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_key.GetSpan(bytes.Length));
        _key.Advance(bytes.Length);
    }

    /// <summary>Adds another worker's counts.</summary>
    public void Merge(GroupCounter other)
    {
        Total += other.Total;
        foreach (KeyValuePair<byte[], long> kv in other._counts)
        {
            _counts.TryGetValue(kv.Key, out long n);
            _counts[kv.Key] = n + kv.Value;
        }
    }

    /// <summary>The groups sorted by count (descending), then by key text.</summary>
    public IReadOnlyList<GroupCount> Groups()
    {
        var list = new List<GroupCount>(_counts.Count);
        foreach (KeyValuePair<byte[], long> kv in _counts)
        {
            list.Add(new GroupCount(Decode(kv.Key), kv.Value));
        }

        list.Sort((a, b) =>
        {
            int c = b.Count.CompareTo(a.Count);
            return c != 0 ? c : string.CompareOrdinal(string.Join('\u001f', a.Display), string.Join('\u001f', b.Display));
        });
        return list;
    }

    private static GroupValue[] Decode(byte[] key)
    {
        var parts = new List<GroupValue>();
        int i = 0;
        while (i < key.Length)
        {
            bool isString = key[i] == (byte)'s';
            int length = BinaryPrimitives.ReadInt32LittleEndian(key.AsSpan(i + 1));
            parts.Add(new GroupValue(Encoding.UTF8.GetString(key, i + 5, length), isString));
            i += 5 + length;
        }

        return [.. parts];
    }
}

/// <summary>One part of a group key: a decoded string, or compact JSON for other values (<c>null</c> for missing).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct GroupValue(string Text, bool IsString);

/// <summary>A group and its count.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record GroupCount(GroupValue[] Key, long Count)
{
    /// <summary>Display text of each key part (strings unquoted).</summary>
    public string[] Display => Array.ConvertAll(Key, k => k.Text);
}
