using System.IO.Compression;

namespace TrailSift.Core.Sources;

/// <summary>
/// A log object opened for reading: gzip is detected by its magic bytes (not the file extension) and
/// decompressed; plain data passes through. Counts stored and decoded bytes for statistics and checks
/// the gzip trailer at the end, because GZipStream accepts truncated data without complaint.
/// </summary>
/// <remarks>Mutable; not thread-safe.</remarks>
public sealed class DecodedStream : ReadOnlyStream
{
    private readonly TailTrackingStream _raw;
    private readonly Stream _decoded;
    private bool _checked;

    private DecodedStream(TailTrackingStream raw, Stream decoded, bool isGzip)
    {
        _raw = raw;
        _decoded = decoded;
        IsGzip = isGzip;
    }

    /// <summary>True when the object is gzip-compressed.</summary>
    public bool IsGzip { get; }

    /// <summary>Stored (compressed) bytes read so far.</summary>
    public long StoredBytesRead => _raw.BytesRead;

    /// <summary>Decoded bytes returned so far.</summary>
    public long DecodedBytesRead { get; private set; }

    /// <summary>Opens <paramref name="source"/>, sniffing for gzip.</summary>
    public static DecodedStream Open(Stream source)
    {
        byte[] head = new byte[2];
        int n = 0;
        while (n < 2)
        {
            int r = source.Read(head, n, 2 - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        var raw = new TailTrackingStream(source, head[..n]);
        bool gzip = n == 2 && head[0] == 0x1f && head[1] == 0x8b;
        Stream decoded = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        return new DecodedStream(raw, decoded, gzip);
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _decoded.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"corrupt gzip data ({e.Message.TrimEnd('.')})", e);
        }

        DecodedBytesRead += n;
        if (n == 0 && buffer.Length > 0 && IsGzip && !_checked)
        {
            _checked = true;
            // ISIZE is the decoded length modulo 2^32 of the last member; a truncated file ends
            // inside the compressed data, so its last four bytes almost never equal it.
            if (_raw.TrailerSize is not uint size || size != (uint)DecodedBytesRead)
            {
                throw new InvalidDataException("gzip data ends early: truncated file (or a size check failure)");
            }
        }

        return n;
    }

    /// <inheritdoc />
    protected override long BytesReturned => DecodedBytesRead;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoded.Dispose();
            _raw.Dispose();
        }

        base.Dispose(disposing);
    }
}
