using System.Buffers;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <summary>
/// The scan of one object whose place in the output is not confirmed yet (<see cref="Sources.LogObject.Confirmation"/>):
/// the events the scan selects (and its context events) and its problem reports are kept — bytes, ordinal and kind —
/// instead of reaching the worker's sink, and <see cref="ReplayInto"/> hands them over, unchanged and in order, once
/// the object is confirmed; a dropped object is <see cref="Dispose"/>d and nothing of it was ever seen. Holding more
/// than its byte limit ends the scan (<see cref="OverflowException"/>): the object is then scanned again, directly,
/// once confirmed, so memory stays bounded whatever the object.
/// </summary>
/// <remarks>Not thread-safe; owned by one worker.</remarks>
internal sealed class HeldObject : IContextSink, IScanReporter, IDisposable
{
    private readonly long _limit;
    private readonly List<(int Offset, int Length, long Ordinal, bool Context)> _records = [];
    private readonly List<(string Path, string Reason)> _reports = [];
    private byte[] _bytes = [];
    private int _used;

    /// <param name="limit">The most bytes of events it may hold.</param>
    public HeldObject(long limit)
    {
        _limit = limit;
    }

    /// <summary>Thrown by <see cref="Accept"/> when holding the event would pass the limit.</summary>
    public sealed class OverflowException() : Exception("the held events passed their limit");

    /// <summary>Counters of the held scan (merged into the worker's when the object is confirmed).</summary>
    public ScanStats Stats { get; } = new();

    /// <summary>True when the held scan ended early (<see cref="OverflowException"/>): the object must be scanned again.</summary>
    public bool Overflowed { get; set; }

    /// <summary>Bytes of memory held (for the worker's budget).</summary>
    public int HeldBytes => _bytes.Length;

    /// <inheritdoc />
    public void Accept(EventRecord record) => Hold(record, context: false);

    /// <inheritdoc />
    public void AcceptContext(EventRecord record) => Hold(record, context: true);

    /// <inheritdoc />
    public void Report(string path, string reason) => _reports.Add((path, reason));

    /// <summary>Hands the held events and reports to <paramref name="sink"/> and <paramref name="reporter"/>, as the scan would have.</summary>
    /// <returns>False when the sink asked to stop.</returns>
    public bool ReplayInto(IEventSink sink, IScanReporter reporter, EventRecord record, string path)
    {
        foreach ((string at, string reason) in _reports)
        {
            reporter.Report(at, reason);
        }

        ISequencedSink? sequenced = sink as ISequencedSink;
        record.SourcePath = path;
        foreach ((int offset, int length, long ordinal, bool context) in _records)
        {
            record.SetUnindexed(_bytes, offset, length);
            record.Ordinal = ordinal;
            if (context)
            {
                ((IContextSink)sink).AcceptContext(record);
            }
            else
            {
                sink.Accept(record);
                if (sequenced is { StopRequested: true })
                {
                    record.TrimIndex();
                    return false;
                }
            }
        }

        record.TrimIndex();
        return true;
    }

    private void Hold(EventRecord record, bool context)
    {
        ReadOnlySpan<byte> utf8 = record.Utf8;
        if (_used + (long)utf8.Length > _limit)
        {
            throw new OverflowException();
        }

        if (_used + utf8.Length > _bytes.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(Math.Max(_bytes.Length * 2L, 16 * 1024), _used + (long)utf8.Length), Array.MaxLength));
            _bytes.AsSpan(0, _used).CopyTo(larger);
            Dispose();
            _bytes = larger;
        }

        utf8.CopyTo(_bytes.AsSpan(_used));
        _records.Add((_used, utf8.Length, record.Ordinal, context));
        _used += utf8.Length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }
}
