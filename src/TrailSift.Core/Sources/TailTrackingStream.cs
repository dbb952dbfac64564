namespace TrailSift.Core.Sources;

/// <summary>
/// A read-only pass-through stream that counts bytes and remembers the last 8 bytes read, so the gzip
/// trailer (CRC32, ISIZE) can be checked after decompression; .NET's GZipStream ends quietly on
/// truncated input instead of failing.
/// </summary>
/// <remarks>Mutable; not thread-safe.</remarks>
internal sealed class TailTrackingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly byte[] _prefix;
    private int _prefixPos;
    private ulong _tail;   // last 8 bytes, little-endian order of arrival
    private int _tailCount;

    public TailTrackingStream(Stream inner, byte[] prefix)
    {
        _inner = inner;
        _prefix = prefix;
    }

    public long BytesRead { get; private set; }

    /// <summary>When true, a read returns short only at the end of the data (gzip input: few, full reads).</summary>
    public bool FillReads { get; init; }

    /// <summary>The last 8 bytes as two little-endian 32-bit values (a gzip trailer: CRC-32, ISIZE), when 8 bytes were seen.</summary>
    public (uint Crc, uint Size)? Trailer => _tailCount >= 8 ? ((uint)_tail, (uint)(_tail >> 32)) : null;

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (_prefixPos < _prefix.Length)
        {
            n = Math.Min(buffer.Length, _prefix.Length - _prefixPos);
            _prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
        }
        else
        {
            n = _inner.Read(buffer);
            while (FillReads && n > 0 && n < buffer.Length)
            {
                int more = _inner.Read(buffer[n..]);
                if (more == 0)
                {
                    break;
                }

                n += more;
            }
        }

        Track(buffer[..n]);
        return n;
    }

    private void Track(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        int start = Math.Max(0, data.Length - 8);
        for (int i = start; i < data.Length; i++)
        {
            _tail = (_tail >> 8) | ((ulong)data[i] << 56);
            _tailCount++;
        }
    }

    /// <inheritdoc />
    protected override long BytesReturned => BytesRead;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
