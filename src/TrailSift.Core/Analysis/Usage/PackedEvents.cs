using System.IO.Compression;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Raw events kept until the end of a scan, compressed: records are appended to a 1 MiB chunk, and a full chunk is
/// deflated (fastest level; CloudTrail JSON shrinks about tenfold), so memory holds the compressed bytes plus one open
/// chunk (whose buffer, and the one it is compressed into, serve every chunk in turn). <see cref="Drain"/> inflates one chunk at a time and hands each record, byte for byte as it was added, to a
/// sink in the order added, releasing each chunk once its records are handed over.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker. A record larger than a chunk gets a chunk of its own.</remarks>
internal sealed class PackedEvents
{
    private const int ChunkBytes = 1 << 20;
    private readonly List<Chunk> _packed = [];
    private readonly List<int> _lengths = [];
    private byte[] _open = [];
    private MemoryStream? _compressed;
    private int _used;
    private int _openFirst;

    /// <summary>The number of records kept.</summary>
    public int Count => _lengths.Count;

    /// <summary>The size of the records as added (uncompressed).</summary>
    public long Bytes { get; private set; }

    /// <summary>The bytes held: compressed chunks and the open one.</summary>
    public long HeldBytes => _packed.Sum(static c => (long)c.Data.Length) + _open.Length;

    /// <summary>Keeps a copy of the record's bytes.</summary>
    public void Add(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ReadOnlySpan<byte> utf8 = record.Utf8;
        if (_used + utf8.Length > _open.Length)
        {
            Seal();
            if (_open.Length < utf8.Length)
            {
                _open = new byte[Math.Max(ChunkBytes, utf8.Length)];
            }
        }

        utf8.CopyTo(_open.AsSpan(_used));
        _used += utf8.Length;
        _lengths.Add(utf8.Length);
        Bytes += utf8.Length;
    }

    /// <summary>
    /// Hands every record kept to <paramref name="sink"/>, in the order added, once: each chunk is released as soon as its
    /// records are handed over, so the memory held shrinks while the sink works (<see cref="HeldBytes"/> is 0 afterwards;
    /// <see cref="Count"/> and <see cref="Bytes"/> still tell what was added).
    /// </summary>
    public void Drain(IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Seal();
        // Every record is packed: the buffers that packed them are not needed any more.
        (_open, _compressed) = ([], null);
        using var record = new EventRecord();
        byte[] buffer = [];
        for (int c = 0; c < _packed.Count; c++)
        {
            Chunk chunk = _packed[c];
            _packed[c] = chunk with { Data = [] };
            if (buffer.Length < chunk.RawLength)
            {
                buffer = new byte[chunk.RawLength];
            }

            Inflate(chunk, buffer);
            int offset = 0;
            for (int i = chunk.First; i < chunk.First + chunk.Count; i++)
            {
                Load(record, buffer, offset, _lengths[i]);
                sink.Accept(record);
                offset += _lengths[i];
            }
        }
    }

    /// <summary>Compresses the open chunk, if it holds anything.</summary>
    private void Seal()
    {
        if (_used == 0)
        {
            return;
        }

        MemoryStream compressed = _compressed ??= new MemoryStream(_used / 4);
        compressed.SetLength(0);
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(_open, 0, _used);
        }

        _packed.Add(new Chunk(compressed.ToArray(), _used, _openFirst, _lengths.Count - _openFirst));
        _openFirst = _lengths.Count;
        _used = 0;
    }

    /// <summary>
    /// Loads a record, indexed by the scan's fast split (<see cref="PlainObjectScanner"/>: the same index as the JSON
    /// reader's, as the scan made when it read the record), or by the JSON reader when the fast split declines.
    /// </summary>
    private static void Load(EventRecord record, byte[] buffer, int offset, int length)
    {
        if (PlainObjectScanner.Scan(buffer.AsSpan(offset, length), record.IndexUnderConstruction) == length)
        {
            record.SetIndexed(buffer, offset, length);
        }
        else
        {
            record.Load(buffer, offset, length);
        }
    }

    private static void Inflate(Chunk chunk, byte[] into)
    {
        using var deflate = new DeflateStream(new MemoryStream(chunk.Data), CompressionMode.Decompress);
        deflate.ReadExactly(into, 0, chunk.RawLength);
    }

    private readonly record struct Chunk(byte[] Data, int RawLength, int First, int Count);
}
