using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Tests.Scan;

/// <summary>Runs the reader or scanner over bytes and collects what came out.</summary>
internal static class ScanHelpers
{
    public sealed class Collecting : IEventSink, ISequencedSink
    {
        public List<(int Sequence, string Json)> Events { get; } = [];

        private int _sequence;

        public void BeginObject(int sequence, string path) => _sequence = sequence;

        public void EndObject(int sequence, string path)
        {
        }

        public void Accept(EventRecord record) =>
            Events.Add((_sequence, System.Text.Encoding.UTF8.GetString(record.Utf8)));
    }

    public sealed class ListReporter : IScanReporter
    {
        private readonly object _gate = new();

        public List<(string Path, string Reason)> Problems { get; } = [];

        public void Report(string path, string reason)
        {
            lock (_gate)
            {
                Problems.Add((path, reason));
            }
        }
    }

    /// <summary>Reads all records of <paramref name="data"/> with the given stream chunking and initial buffer.</summary>
    /// <remarks>Each record is returned as its raw text, then " => ", then its index written back as compact JSON,
    /// so the index is checked along with the split.</remarks>
    public static (List<string> Records, string? Error, InputFormat Format) ReadAll(byte[] data, int chunk = int.MaxValue, int buffer = 256 * 1024,
        bool deferIndex = false)
    {
        var records = new List<string>();
        using var reader = new RecordReader(new TrailSift.Testing.ChunkedStream(data, chunk), buffer) { DeferIndex = deferIndex };
        using var record = new EventRecord();
        try
        {
            while (reader.TryRead(record))
            {
                var written = new System.Buffers.ArrayBufferWriter<byte>();
                JsonNodeWriter.WriteCompact(record.Root, written);
                records.Add(System.Text.Encoding.UTF8.GetString(record.Utf8) + " => " + System.Text.Encoding.UTF8.GetString(written.WrittenSpan));
            }

            return (records, reader.TakeShapeError(), reader.Format);
        }
        catch (RecordReadException e)
        {
            return (records, e.Message, reader.Format);
        }
    }

    /// <summary>Scans one in-memory object (stored bytes, possibly gzip) and returns events and problems.</summary>
    public static (List<string> Events, List<string> Problems) ScanBytes(byte[] stored, string path = "mem.json", IEventPredicate? predicate = null)
    {
        var sink = new Collecting();
        var reporter = new ListReporter();
        var source = new LogObject(path, stored.Length, () => new MemoryStream(stored));
        using var scanner = new ObjectScanner(64);
        scanner.Scan(source, predicate ?? TrailSift.Core.Query.Shortcuts.AllOfPredicate.MatchAll, sink, reporter, new ScanStats());
        return (sink.Events.ConvertAll(e => e.Json), reporter.Problems.ConvertAll(p => p.Reason));
    }
}
