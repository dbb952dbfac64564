namespace TrailSift.Core.Events;

/// <summary>
/// Raw UTF-8 copies of events kept for a second look after the scan (an analysis whose verdict needs facts
/// from the whole trail, such as <c>check</c>'s tag ledger), packed into 1 MiB chunks: memory grows with the
/// retained bytes only, with no object per event.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
public sealed class RetainedEvents
{
    private const int ChunkBytes = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private readonly List<(int Chunk, int Offset, int Length)> _events = [];
    private int _used = ChunkBytes;

    /// <summary>Events kept.</summary>
    public int Count => _events.Count;

    /// <summary>Bytes kept.</summary>
    public long Bytes { get; private set; }

    /// <summary>Copies the record's bytes.</summary>
    public void Add(EventRecord record)
    {
        ReadOnlySpan<byte> utf8 = record.Utf8;
        if (_used + utf8.Length > ChunkBytes || _chunks.Count == 0)
        {
            _chunks.Add(new byte[Math.Max(ChunkBytes, utf8.Length)]);
            _used = 0;
        }

        byte[] chunk = _chunks[^1];
        utf8.CopyTo(chunk.AsSpan(_used));
        _events.Add((_chunks.Count - 1, _used, utf8.Length));
        _used += utf8.Length;
        Bytes += utf8.Length;
    }

    /// <summary>Loads each kept event in turn into one reused record and hands it to <paramref name="sink"/>.</summary>
    public void Replay(IEventSink sink)
    {
        using var record = new EventRecord();
        foreach ((int chunk, int offset, int length) in _events)
        {
            record.Load(_chunks[chunk], offset, length);
            sink.Accept(record);
        }
    }
}
