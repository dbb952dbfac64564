using TrailSift.Core.Events;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>Scans log objects one at a time on the calling thread: decode, split, filter, hand to the sink.</summary>
/// <remarks>Mutable (reuses one record and its index); one instance per worker.</remarks>
public sealed class ObjectScanner : IDisposable
{
    private readonly EventRecord _record = new();
    private readonly int _bufferBytes;
    private long _deferred;     // records this worker split without indexing them
    private long _indexedLate;  // ... of which a predicate or sink then needed the index

    private readonly MemoryBudget.Lease? _memory;

    /// <summary>Creates a scanner whose read buffer starts at <paramref name="bufferBytes"/>; large records draw on <paramref name="budget"/>.</summary>
    public ObjectScanner(int bufferBytes = 256 * 1024, MemoryBudget? budget = null)
    {
        _bufferBytes = bufferBytes;
        _memory = budget?.Open();
    }

    /// <summary>Scans one object; problems go to <paramref name="reporter"/> and scanning of other objects goes on.</summary>
    /// <returns>True when the object was read without problems.</returns>
    public bool Scan(LogObject source, IEventPredicate predicate, IEventSink sink, IScanReporter reporter, ScanStats stats, CancellationToken cancel = default) =>
        Scan(source, source.OpenRaw, predicate, null, sink, reporter, stats, cancel);

    /// <summary>
    /// Scans one object whose stream <paramref name="open"/> returns (opened ahead by the prefetch stage, or now).
    /// Events <paramref name="predicate"/> selects go to <see cref="IEventSink.Accept"/>; of the others, those
    /// <paramref name="context"/> matches go to <see cref="IContextSink.AcceptContext"/> (the sink must then be one).
    /// </summary>
    /// <returns>True when the object was read without problems.</returns>
    public bool Scan(LogObject source, Func<Stream> open, IEventPredicate predicate, IEventPredicate? context, IEventSink sink,
        IScanReporter reporter, ScanStats stats, CancellationToken cancel = default)
    {
        IContextSink? contextSink = context is null ? null
            : sink as IContextSink ?? throw new ArgumentException("A scan with context events needs an IContextSink.", nameof(sink));
        stats.FilesOpened++;
        ISequencedSink? sequenced = sink as ISequencedSink;
        DecodedStream? decoded = null;
        bool ok = true;
        try
        {
            decoded = DecodedStream.Open(open());
            using var reader = new RecordReader(decoded, _bufferBytes) { DeferIndex = DeferringPays(predicate, context), Memory = _memory };
            _record.SourcePath = source.Path;
            long ordinal = 0;
            while (reader.TryRead(_record))
            {
                while (reader.TakeShapeError() is { } shape)
                {
                    reporter.Report(source.Path, shape);
                    ok = false;
                }

                _record.Ordinal = ordinal++;
                stats.Events++;
                bool deferred = _record.IndexPending;
                if (predicate.MayMatch(_record.Utf8) && predicate.Matches(_record))
                {
                    stats.Matches++;
                    sink.Accept(_record);
                    if (sequenced is { StopRequested: true })
                    {
                        break; // output closed or its limit reached: the rest of the object is not wanted
                    }
                }
                else if (contextSink is not null && context!.MayMatch(_record.Utf8) && context.Matches(_record))
                {
                    contextSink.AcceptContext(_record);
                }

                if (deferred)
                {
                    _deferred++;
                    _indexedLate += _record.IndexPending ? 0 : 1;
                }

                if ((ordinal & 1023) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                    reader.DeferIndex = DeferringPays(predicate, context);
                }
            }

            while (reader.TakeShapeError() is { } last)
            {
                reporter.Report(source.Path, last);
                ok = false;
            }

            stats.Utf8Replacements += reader.Utf8Replacements;

            if (reader.Format == InputFormat.Digest)
            {
                stats.DigestFiles++;
            }
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is IOException or RecordReadException or InvalidDataException)
        {
            // The run was cancelled (Ctrl-C): a read cut short by that is no problem of the input.
            throw new OperationCanceledException("the scan was cancelled", e, cancel);
        }
        catch (RecordReadException e)
        {
            reporter.Report(source.Path, e.Message);
            ok = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            reporter.Report(source.Path, Describe(e));
            ok = false;
        }
        finally
        {
            _record.TrimIndex();
            _memory?.ReleaseAll();
            if (decoded is not null)
            {
                stats.StoredBytes += decoded.StoredBytesRead;
                stats.DecodedBytes += decoded.DecodedBytesRead;
                decoded.Dispose();
            }
        }

        if (!ok)
        {
            stats.FilesFailed++;
        }

        return ok;
    }

    // A deferred record whose index is then needed is tokenized twice (split, then index): measured about 65% slower
    // than indexing at once, against about 25% faster for one never looked into (rejected by the prefilter, or
    // accepted on its bytes alone, as by --grep). Deferring pays while at most about a third of the deferred records
    // get indexed, so after this worker's first 1024 the rate decides. A context predicate without a prefilter looks
    // into every record the selection rejects, so deferring cannot pay then.
    private bool DeferringPays(IEventPredicate predicate, IEventPredicate? context) =>
        predicate.HasPrefilter && (context is null || context.HasPrefilter) && (_deferred < 1024 || _indexedLate * 3 < _deferred);

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.TrimEnd('.'),
    };

    /// <summary>Returns pooled buffers.</summary>
    public void Dispose() => _record.Dispose();
}
