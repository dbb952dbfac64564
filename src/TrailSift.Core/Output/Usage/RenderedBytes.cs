namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Bytes rendered by a <see cref="SegmentedBufferWriter"/>, in its segments, until they are written once
/// (<see cref="WriteTo"/>), which gives the segments back to the pool.
/// </summary>
/// <remarks>Not thread-safe; write once.</remarks>
internal sealed class RenderedBytes(List<ArraySegment<byte>> segments, long length)
{
    /// <summary>How many bytes.</summary>
    public long Length => length;

    /// <summary>Writes the bytes from <paramref name="from"/> on and gives the segments back.</summary>
    public void WriteTo(Stream output, long from)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, length);
        foreach (ArraySegment<byte> segment in segments)
        {
            if (from < segment.Count)
            {
                output.Write(segment.AsSpan((int)from));
            }

            from = Math.Max(0, from - segment.Count);
        }

        SegmentedBufferWriter.Give(segments);
        segments.Clear();
    }
}
