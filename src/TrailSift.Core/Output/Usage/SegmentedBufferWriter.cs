using System.Buffers;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over fixed-size segments (64 KiB, below the large-object threshold) reused from a
/// process-wide pool, never grown by copying. What was written is handed over with its segments (<see cref="Detach"/>)
/// instead of being copied out; <see cref="RenderedBytes.WriteTo"/> writes them and gives them back. A rendered principal
/// of megabytes thus makes no large-object garbage, which the GC reclaims only in its rare full collections.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time (the pool itself is thread-safe).</remarks>
internal sealed class SegmentedBufferWriter : IBufferWriter<byte>
{
    /// <summary>The size of a pooled segment.</summary>
    public const int SegmentSize = 64 * 1024;

    // Segments kept for reuse at most (16 MiB): about what the principals being rendered at once hold on a large input.
    private const int PoolLimit = 256;
    private static readonly Stack<byte[]> Pool = new();

    private List<ArraySegment<byte>> _full = [];
    private byte[] _current = Rent();
    private int _used;
    private long _fullBytes;

    /// <summary>Bytes written since the last <see cref="Detach"/>.</summary>
    public long WrittenCount => _fullBytes + _used;

    /// <summary>Forgets what was written (after a failed rendering, say); its segments go back to the pool.</summary>
    public void Clear()
    {
        Give(_full);
        _full.Clear();
        _fullBytes = 0;
        _used = 0;
    }

    /// <summary>Overwrites one written byte.</summary>
    public void Set(long index, byte value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, WrittenCount);
        foreach (ArraySegment<byte> segment in _full)
        {
            if (index < segment.Count)
            {
                segment.Array![index] = value;
                return;
            }

            index -= segment.Count;
        }

        _current[index] = value;
    }

    /// <summary>What was written, with its segments; the writer starts afresh.</summary>
    public RenderedBytes Detach()
    {
        if (_used > 0)
        {
            _full.Add(new ArraySegment<byte>(_current, 0, _used));
            _current = Rent();
        }

        var written = new RenderedBytes(_full, _fullBytes + _used);
        _full = [];
        _fullBytes = 0;
        _used = 0;
        return written;
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _current.Length - _used);
        _used += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsMemory(_used);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsSpan(_used);
    }

    /// <summary>Gives segments back to the pool (an oversized one is left to the GC).</summary>
    internal static void Give(List<ArraySegment<byte>> segments)
    {
        lock (Pool)
        {
            foreach (ArraySegment<byte> segment in segments)
            {
                if (segment.Array!.Length == SegmentSize && Pool.Count < PoolLimit)
                {
                    Pool.Push(segment.Array);
                }
            }
        }
    }

    private static byte[] Rent()
    {
        lock (Pool)
        {
            if (Pool.TryPop(out byte[]? segment))
            {
                return segment;
            }
        }

        return new byte[SegmentSize];
    }

    // A write that does not fit in what is left of the segment starts a new one (the rest is not used): a JSON writer
    // asks for at least 4 KiB at a time, so at most that much of each segment stays empty.
    private void Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        int needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed)
        {
            return;
        }

        if (_used > 0)
        {
            _full.Add(new ArraySegment<byte>(_current, 0, _used));
            _fullBytes += _used;
            _current = needed <= SegmentSize ? Rent() : new byte[needed];
        }
        else if (needed > _current.Length)
        {
            // Nothing written in it yet: the segment goes back, an array as large as asked (a huge string) replaces it.
            Give([new ArraySegment<byte>(_current)]);
            _current = new byte[needed];
        }

        _used = 0;
    }
}
