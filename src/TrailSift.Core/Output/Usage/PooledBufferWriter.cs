using System.Buffers;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over one array rented from <see cref="ArrayPool{T}.Shared"/>, grown by renting a larger
/// one (the smaller goes back). What was written is handed over with its array (<see cref="Detach"/>) instead of being
/// copied out: the receiver returns the array to the pool once it has used the bytes.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time.</remarks>
internal sealed class PooledBufferWriter(int initialSize) : IBufferWriter<byte>
{
    private readonly int _initialSize = Math.Max(1, initialSize);
    private byte[] _array = ArrayPool<byte>.Shared.Rent(Math.Max(1, initialSize));
    private int _written;

    /// <summary>Bytes written since the last <see cref="Detach"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    /// <summary>Forgets what was written (after a failed rendering, say); the array is kept.</summary>
    public void Clear() => _written = 0;

    /// <summary>Overwrites one written byte.</summary>
    public void Set(int index, byte value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _written);
        _array[index] = value;
    }

    /// <summary>Hands over the array holding the bytes written (the first <paramref name="written"/>) and starts again in a fresh one.</summary>
    public byte[] Detach(out int written)
    {
        byte[] array = _array;
        written = _written;
        _array = ArrayPool<byte>.Shared.Rent(_initialSize);
        _written = 0;
        return array;
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        int needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        long wanted = Math.Max((long)_array.Length * 2, (long)_written + needed);
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(wanted, Array.MaxLength));
        if (larger.Length - _written < needed)
        {
            ArrayPool<byte>.Shared.Return(larger);
            throw new OutOfMemoryException("a rendered principal does not fit in one array");
        }

        _array.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
