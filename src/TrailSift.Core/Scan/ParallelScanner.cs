using System.Diagnostics;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>
/// Scans many log objects on several threads. Workers take objects in sequence order from a shared
/// counter, own their buffers, predicate instance and sink, and share nothing mutable; sinks that print
/// use an ordered writer so the output order is the object order whatever the thread count.
/// </summary>
/// <remarks>Thread-safe to call; one scan per call.</remarks>
public sealed class ParallelScanner
{
    /// <summary>How long a cancelled scan waits for a worker blocked in a system call before it ends without it.</summary>
    public static readonly TimeSpan AbandonBlockedAfter = TimeSpan.FromSeconds(1);

    /// <summary>Each worker thread's stack (<see cref="LargeStack.Bytes"/>, on which filters are also parsed).</summary>
    public const int WorkerStackBytes = LargeStack.Bytes;

    /// <summary>Worker threads (at least 1).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Initial read buffer per worker.</summary>
    public int BufferBytes { get; init; } = 256 * 1024;

    /// <summary>Memory for large records, shared by the workers; null: a new <see cref="MemoryBudget"/> of the default size per scan.</summary>
    public MemoryBudget? Budget { get; init; }

    /// <summary>
    /// The events the analysis needs besides the selected ones (null: none, and the scan pays nothing for
    /// context); they reach the sinks through <see cref="IContextSink.AcceptContext"/>.
    /// </summary>
    public IEventPredicate? Context { get; init; }

    /// <summary>
    /// Memory each worker may spend on the events of objects scanned ahead of their confirmation
    /// (<see cref="LogObject.Confirmation"/>); beyond it the worker waits for the confirmations. All workers but one scan
    /// ahead (one when there is one): the rest wait, leaving a core to the listing that confirms.
    /// </summary>
    public long HeldBytesPerWorker { get; init; } = 16 * 1024 * 1024;

    /// <summary>Objects listed and opening ahead of the workers (I/O concurrency, independent of <see cref="Threads"/>).</summary>
    public int IoConcurrency { get; init; } = 16;

    /// <summary>
    /// Scans <paramref name="objects"/>. <paramref name="createSink"/> is called once per worker; the
    /// sink is told the sequence number of each object in <see cref="ISequencedSink.BeginObject"/> order.
    /// </summary>
    /// <returns>The merged statistics and the per-worker sinks, for merging analyses.</returns>
    public ScanResult<TSink> Run<TSink>(IReadOnlyList<LogObject> objects, IEventPredicate predicate, Func<TSink> createSink,
        IScanReporter reporter, Action<ScanStats>? progress = null, CancellationToken cancel = default)
        where TSink : IEventSink, ISequencedSink
    {
        var sized = new ParallelScanner
        {
            Threads = Math.Max(1, Math.Min(Threads, objects.Count)),
            BufferBytes = BufferBytes,
            IoConcurrency = IoConcurrency,
            HeldBytesPerWorker = HeldBytesPerWorker,
            Context = Context,
            Budget = Budget,
        };
        return sized.Run(objects.ToAsyncEnumerable(), predicate, createSink, reporter, progress, cancel);
    }

    /// <summary>
    /// Scans the objects a source lists, as they are listed: a prefetch stage (<see cref="ObjectFeed"/>)
    /// lists and opens ahead, <see cref="Threads"/> workers parse. Sequence numbers follow the listing order.
    /// </summary>
    /// <returns>The merged statistics and the per-worker sinks, for merging analyses.</returns>
    public ScanResult<TSink> Run<TSink>(IAsyncEnumerable<LogObject> objects, IEventPredicate predicate, Func<TSink> createSink,
        IScanReporter reporter, Action<ScanStats>? progress = null, CancellationToken cancel = default)
        where TSink : IEventSink, ISequencedSink
    {
        var clock = Stopwatch.StartNew();
        int threads = Math.Max(1, Threads);
        var sinks = new TSink[threads];
        var stats = new ScanStats[threads];
        MemoryBudget budget = Budget ?? new MemoryBudget();
        Exception? failure = null;
        using var feed = new ObjectFeed(objects, IoConcurrency, cancel);
        int speculators = Math.Max(1, threads - 1);

        void Work(int worker)
        {
            var mine = new ScanStats();
            stats[worker] = mine;
            TSink sink = createSink();
            sinks[worker] = sink;
            IEventPredicate pred = predicate.ForWorker();
            IEventPredicate? context = Context?.ForWorker();
            using var scanner = new ObjectScanner(BufferBytes, budget);
            var held = new HeldObjects(HeldBytesPerWorker);
            try
            {
                // Settle: the held objects whose confirmation came (all of them before an object is scanned directly).
                while (!cancel.IsCancellationRequested && Settle(wait: false) && feed.TryTake(out ObjectFeed.PendingObject item))
                {
                    // Only some workers scan ahead of the confirmations: the listing that brings them (and the SDK's
                    // start-up) needs a core too, and the others wait for it instead of taking that core.
                    if (item.Object.Confirmation is { IsCompleted: false } && held.HasRoom && worker < speculators)
                    {
                        held.Scan(item, scanner, pred, context, cancel);
                        continue;
                    }

                    if (!Settle(wait: true) || !Emit(item, null))
                    {
                        break;
                    }
                }

                Settle(wait: true);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                feed.Stop();
            }
            finally
            {
                held.Dispose();
            }

            bool Settle(bool wait)
            {
                while (!cancel.IsCancellationRequested && held.TakeSettled(wait, cancel, out ObjectFeed.PendingObject? item, out HeldObject? kept) is { } confirmed)
                {
                    using (kept)
                    {
                        if (!Emit(item!, confirmed ? kept : null, confirmed))
                        {
                            return false;
                        }
                    }
                }

                return true;
            }

            // One object to the sink: scanned now, or its held scan replayed (or scanned again after the held scan overflowed);
            // an object dropped after all (its confirmation false) is an empty one. False when the sink asked to stop.
            bool Emit(ObjectFeed.PendingObject item, HeldObject? replay, bool keep = true)
            {
                LogObject source = item.Object;
                int i = item.Sequence;
                if (replay is null && keep && source.Confirmation is { } confirmation)
                {
                    keep = HeldObjects.Confirmed(confirmation, cancel);
                }

                sink.BeginObject(i, source.Path);
                try
                {
                    if (!keep)
                    {
                    }
                    else if (replay is null)
                    {
                        scanner.Scan(source, item.Open, pred, context, sink, reporter, mine, cancel);
                    }
                    else if (replay.Overflowed)
                    {
                        scanner.Scan(source, source.OpenRaw, pred, context, sink, reporter, mine, cancel);
                    }
                    else
                    {
                        replay.ReplayInto(sink, reporter, held.Record, source.Path);
                        mine.Add(replay.Stats);
                    }
                }
                finally
                {
                    sink.EndObject(i, source.Path);
                }

                if (sink.StopRequested)
                {
                    feed.Stop();
                    return false;
                }

                return true;
            }
        }

        // Even one worker gets its own thread: its stack is as large as the one the filter was parsed on, so a program
        // that parses (a chain of 40,000 pipes) also evaluates, and a blocked worker can be given up as below.
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            int id = w;
            workers[w] = new Thread(() => Work(id), WorkerStackBytes) { IsBackground = true, Name = $"trailsift-scan-{id}" };
            workers[w].Start();
        }

        Stopwatch? cancelled = null;
        foreach (Thread t in workers)
        {
            while (!t.Join(250))
            {
                if (progress is not null)
                {
                    progress(Snapshot(stats, clock.Elapsed));
                }

                // Cancelled (Ctrl-C), a worker that does not stop is blocked in a system call, such as opening a
                // FIFO no one writes to: the run ends without it (workers are background threads).
                if (cancel.IsCancellationRequested && (cancelled ??= Stopwatch.StartNew()).Elapsed > AbandonBlockedAfter)
                {
                    throw new OperationCanceledException("the scan was cancelled; a worker is blocked reading its input", cancel);
                }
            }
        }

        if (failure is null)
        {
            try
            {
                feed.Complete();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("A scan worker failed: " + failure.Message, failure);
        }

        ScanStats total = Snapshot(stats, clock.Elapsed);
        return new ScanResult<TSink>(total, sinks);
    }

    private static ScanStats Snapshot(ScanStats?[] parts, TimeSpan elapsed)
    {
        var total = new ScanStats { Elapsed = elapsed };
        foreach (ScanStats? s in parts)
        {
            if (s is not null)
            {
                total.Add(s);
            }
        }

        return total;
    }
}

/// <summary>The outcome of a parallel scan: merged statistics and the workers' sinks.</summary>
/// <remarks>Immutable; thread-safe once returned.</remarks>
public sealed record ScanResult<TSink>(ScanStats Stats, IReadOnlyList<TSink> Sinks);
