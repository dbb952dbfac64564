using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>
/// The read-ahead stage between the sources and the scan workers, for every source alike. Workers take objects in
/// listing order; the feed keeps a look-ahead queue of up to <c>ioConcurrency</c> listed objects and starts to open
/// every remote object (<see cref="LogObject.OpensAsynchronously"/>) as soon as it is listed, so high-latency opens
/// (S3 GETs) overlap with parsing; I/O concurrency is set here, independently of the number of parse threads.
/// A listing that produces objects over time (S3 folders still being listed) is pumped as its objects arrive: a
/// worker waits only when nothing is listed yet, never for the look-ahead to fill. Local objects are only listed
/// ahead and open on their worker (no extra handle, no extra thread): a synchronous source costs a lock per
/// object and nothing else.
/// </summary>
/// <remarks>Thread-safe for any number of consuming workers; dispose after the scan.</remarks>
public sealed class ObjectFeed : IDisposable
{
    private readonly IAsyncEnumerator<LogObject> _enumerator;
    private readonly Queue<PendingObject> _ahead = new();
    private readonly object _gate = new();
    private readonly int _depth;
    private readonly CancellationTokenSource _stop;
    private Task<bool>? _moving;   // a MoveNextAsync of the listing that has not completed yet
    private Exception? _failure;
    private bool _done;
    private bool _disposed;
    private int _next = -1;

    /// <summary>Starts a feed over <paramref name="objects"/> with up to <paramref name="ioConcurrency"/> objects listed and opening ahead.</summary>
    public ObjectFeed(IAsyncEnumerable<LogObject> objects, int ioConcurrency, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(objects);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _enumerator = objects.GetAsyncEnumerator(_stop.Token);
        _depth = Math.Max(1, ioConcurrency);
    }

    /// <summary>A listed object whose opening may have started.</summary>
    public sealed record PendingObject(int Sequence, LogObject Object, Task<Stream>? Opening)
    {
        /// <summary>Waits for the stream (rethrows the opening's failure, which the scanner reports as a per-object problem).</summary>
        public Stream Open() => Opening is null ? Object.OpenRaw() : Opening.GetAwaiter().GetResult();
    }

    /// <summary>Takes the next object in sequence order (waiting while the listing produces it); false at the end or after <see cref="Stop"/>.</summary>
    public bool TryTake(out PendingObject item)
    {
        lock (_gate)
        {
            while (!_stop.IsCancellationRequested)
            {
                Pump();
                if (_ahead.Count > 0)
                {
                    item = _ahead.Dequeue();
                    return true;
                }

                if (_done)
                {
                    break;
                }

                // The listing is waiting for a server: its completion pumps and wakes us.
                Monitor.Wait(_gate);
            }

            item = null!;
            return false;
        }
    }

    /// <summary>Stops listing and opening (a worker asked to stop, e.g. the output pipe closed).</summary>
    public void Stop()
    {
        _stop.Cancel();
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Rethrows a failure of the listing itself (a source's own errors are reported, not thrown).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("Listing the inputs failed: " + _failure.Message, _failure);
            }
        }
    }

    /// <summary>Disposes streams that were opened but never scanned, and the listing (after stopping it).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        Task<bool>? moving;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
            moving = _moving;
        }

        // An async listing cannot be disposed while a MoveNextAsync runs: let the cancellation end it first.
        try
        {
            moving?.Wait();
        }
        catch (AggregateException)
        {
        }

        lock (_gate)
        {
            _disposed = true;
            while (_ahead.TryDequeue(out PendingObject? left))
            {
                left.Opening?.ContinueWith(static o => o.Result.Dispose(), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            try
            {
                ValueTask disposing = _enumerator.DisposeAsync();
                if (!disposing.IsCompletedSuccessfully)
                {
                    disposing.AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or NotSupportedException)
            {
            }
        }

        _stop.Dispose();
    }

    // Called under the lock: lists until the look-ahead is full, the listing ends, or the next object is not there yet
    // (then its arrival continues the pump on the thread that completes it).
    private void Pump()
    {
        while (!_done && _moving is null && _ahead.Count < _depth && !_stop.IsCancellationRequested)
        {
            ValueTask<bool> next;
            try
            {
                next = _enumerator.MoveNextAsync();
            }
            catch (Exception e)
            {
                Finish(e);
                return;
            }

            if (next.IsCompleted)
            {
                Accept(next);
                continue;
            }

            Task<bool> moving = next.AsTask();
            _moving = moving;
            moving.ContinueWith(Arrived, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Arrived(Task<bool> moving)
    {
        lock (_gate)
        {
            _moving = null;
            if (_disposed)
            {
                return;
            }

            Accept(new ValueTask<bool>(moving));
            Pump();
            Monitor.PulseAll(_gate);
        }
    }

    // Called under the lock with a completed MoveNextAsync.
    private void Accept(ValueTask<bool> next)
    {
        bool more;
        try
        {
            more = next.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Finish(e);
            return;
        }

        if (!more)
        {
            _done = true;
            return;
        }

        LogObject o = _enumerator.Current;
        Task<Stream>? opening = o.OpensAsynchronously ? o.OpenRawAsync(_stop.Token) : null;
        _ahead.Enqueue(new PendingObject(++_next, o, opening));
    }

    private void Finish(Exception e)
    {
        if (e is not OperationCanceledException)
        {
            _failure = e;
        }

        _done = true;
    }
}
