using System.Buffers;
using System.IO.Compression;
using System.Runtime.ExceptionServices;

namespace TrailSift.Core.Sources;

/// <summary>
/// A log object opened for reading: gzip is detected by its magic bytes (not the file extension) and
/// decompressed; plain data passes through. Counts stored and decoded bytes for statistics. Every member of a
/// multi-member gzip (concatenated files, pigz or bgzip output) is read; GZipStream checks the CRC-32 and size of
/// each member whose trailer it reaches, and <see cref="GzipMemberCheck"/> checks that the data ends with a whole
/// member, because GZipStream accepts truncated data without complaint.
/// </summary>
/// <remarks>Mutable; not thread-safe.</remarks>
public sealed class DecodedStream : ReadOnlyStream
{
    // Gzip output is decoded in chunks of this size whatever the caller asks for, so the member check sees few,
    // large reads (each ends at a member boundary at the latest) even when the caller reads a byte at a time.
    private const int ChunkBytes = 64 * 1024;

    private readonly TailTrackingStream _raw;
    private readonly Stream _decoded;
    private readonly GzipMemberCheck? _members;
    private byte[] _chunk = [];
    private int _chunkPos;
    private int _chunkEnd;
    private bool _checked;
    private ExceptionDispatchInfo? _pending; // an error met after decoding some bytes, raised by the next read

    private DecodedStream(TailTrackingStream raw, Stream decoded, bool isGzip)
    {
        _raw = raw;
        _decoded = decoded;
        IsGzip = isGzip;
        if (isGzip)
        {
            _members = new GzipMemberCheck();
            _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        }
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

        bool gzip = n == 2 && head[0] == 0x1f && head[1] == 0x8b;
        var raw = new TailTrackingStream(source, head[..n]) { FillReads = gzip };
        Stream decoded = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        return new DecodedStream(raw, decoded, gzip);
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_members is null)
        {
            int plain = _decoded.Read(buffer);
            DecodedBytesRead += plain;
            return plain;
        }

        if (_chunkPos == _chunkEnd && !buffer.IsEmpty)
        {
            if (buffer.Length >= ChunkBytes)
            {
                // A large read (the record reader's): decoded straight into the caller's buffer, without the copy.
                int direct = Decode(buffer);
                DecodedBytesRead += direct;
                return direct;
            }

            _chunkPos = 0;
            _chunkEnd = Decode(_chunk.AsSpan(0, ChunkBytes));
        }

        int n = Math.Min(buffer.Length, _chunkEnd - _chunkPos);
        _chunk.AsSpan(_chunkPos, n).CopyTo(buffer);
        _chunkPos += n;
        DecodedBytesRead += n;
        return n;
    }

    // Decodes into target until it is full or the data ends (GZipStream returns about 13 KB a read; few, large reads
    // spare the record reader re-splitting the record cut at each read's end). Each inner read is appended to the
    // member check on its own, so member boundaries stay read boundaries. An error after some bytes were decoded is
    // raised by the next call, so those bytes are delivered first, as with one inner read a call.
    private int Decode(Span<byte> target)
    {
        if (_pending is ExceptionDispatchInfo pending)
        {
            _pending = null;
            pending.Throw();
        }

        int filled = 0;
        while (filled < target.Length)
        {
            int n;
            try
            {
                n = _decoded.Read(target[filled..]);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Exception error = e is InvalidDataException ? new InvalidDataException($"corrupt gzip data ({e.Message.TrimEnd('.')})", e) : e;
                if (filled == 0)
                {
                    ExceptionDispatchInfo.Throw(error);
                }

                _pending = ExceptionDispatchInfo.Capture(error);
                return filled;
            }

            if (n == 0)
            {
                if (filled == 0)
                {
                    CheckEnd();
                }

                return filled;
            }

            _members!.Append(target.Slice(filled, n));
            filled += n;
        }

        return filled;
    }

    private void CheckEnd()
    {
        if (!_checked)
        {
            _checked = true;
            // A truncated file ends inside compressed data, so its last eight bytes almost never equal the CRC-32
            // and size of the decoded bytes since a member boundary (trailing bytes after the last member fail too).
            if (_raw.Trailer is not (uint crc, uint size) || !_members!.EndsWithWholeMember(crc, size))
            {
                throw new InvalidDataException("gzip data ends early: truncated file (or bytes after the last gzip member)");
            }

            // Zero bytes after the last member (tar-style padding) end the data with a zero CRC-32 and size, which an
            // empty last member also has: tell them apart by the end of the empty member's deflate stream. gzip
            // itself warns ("trailing zero bytes ignored"); the records before them were all delivered.
            if (_raw.Trailer is (0, 0) && !_raw.EndsLikeEmptyMember)
            {
                throw new InvalidDataException("zero bytes after the last gzip member (padding, ignored; the data before them was read)");
            }
        }
    }

    protected override long BytesReturned => DecodedBytesRead;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoded.Dispose();
            _raw.Dispose();
            if (_chunk.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_chunk);
                _chunk = [];
            }
        }

        base.Dispose(disposing);
    }
}
