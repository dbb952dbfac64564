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
    private ulong _before; // the 8 bytes before those
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

    /// <summary>How many zero bytes the data read so far ends with.</summary>
    public long ZeroRun { get; private set; }

    /// <summary>
    /// Whether the data ends as an empty gzip member does (the end of an empty deflate stream, fixed <c>03 00</c> or
    /// stored <c>ff ff</c>, then a zero CRC-32 and size) rather than with zero padding after the last member.
    /// </summary>
    public bool EndsLikeEmptyMember =>
        (ZeroRun == 9 && ByteFromEnd(10) == 0x03) || (ZeroRun == 8 && ByteFromEnd(9) == 0xFF && ByteFromEnd(10) == 0xFF);

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
        int nonZero = data.LastIndexOfAnyExcept((byte)0);
        ZeroRun = nonZero < 0 ? ZeroRun + data.Length : data.Length - 1 - nonZero;
        int start = Math.Max(0, data.Length - 16);
        for (int i = start; i < data.Length; i++)
        {
            _before = (_before >> 8) | ((_tail & 0xFF) << 56);
            _tail = (_tail >> 8) | ((ulong)data[i] << 56);
            _tailCount++;
        }
    }

    // The k-th byte from the end (1 = the last), k in 1..16; 0 when fewer bytes were read.
    private byte ByteFromEnd(int k) => _tailCount < k ? (byte)0 : (byte)(k <= 8 ? _tail >> (8 * (8 - k)) : _before >> (8 * (16 - k)));

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
