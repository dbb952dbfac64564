namespace TrailSift.Testing;

/// <summary>A read-only stream that returns at most <c>chunk</c> bytes per read, to test every split point of streaming code.</summary>
public sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly int _chunk;
    private int _pos;

    /// <summary>Creates the stream.</summary>
    public ChunkedStream(byte[] data, int chunk)
    {
        _data = data;
        _chunk = chunk;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, _chunk), _data.Length - _pos);
        Array.Copy(_data, _pos, buffer, offset, n);
        _pos += n;
        return n;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _data.Length;

    /// <inheritdoc />
    public override long Position { get => _pos; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
