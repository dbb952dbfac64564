namespace TrailSift.Core.Common;

/// <summary>
/// <c>--limit N</c> on ordered output: the printers end each output with a marker byte (0xFF, which never occurs in
/// UTF-8 text); this stream removes the markers, passes the first N outputs on, and then fails every write with
/// <see cref="OutputLimitReachedException"/>, which stops the scan the way a closed pipe does.
/// </summary>
/// <remarks>Not thread-safe: <see cref="OrderedOutput"/> writes to it under its lock.</remarks>
public sealed class OutputLimit(Stream destination, long limit, byte marker) : Stream
{
    /// <summary>Outputs passed on so far.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (Count >= limit)
            {
                throw new OutputLimitReachedException();
            }

            int end = buffer.IndexOf(marker);
            if (end < 0)
            {
                destination.Write(buffer);
                return;
            }

            destination.Write(buffer[..end]);
            Count++;
            buffer = buffer[(end + 1)..];
        }

        if (Count >= limit)
        {
            throw new OutputLimitReachedException();
        }
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Flush() => destination.Flush();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
}
