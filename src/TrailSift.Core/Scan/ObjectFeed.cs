using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>
/// The prefetch stage between the sources and the scan workers. Workers take objects in listing order; each take
/// first tops up a look-ahead queue of up to <c>ioConcurrency</c> listed objects, starting to open every remote
/// object (<see cref="LogObject.OpensAsynchronously"/>) as soon as it is listed, so high-latency opens (S3 GETs)
/// overlap with parsing; I/O concurrency is set here, independently of the number of parse threads. Local
/// objects are only listed ahead and open on their worker, as before (no extra handle, no extra thread): a
/// synchronous source costs a lock per object and nothing else.
/// </summary>
/// <remarks>Thread-safe for any number of consuming workers; dispose after the scan.</remarks>
public sealed class ObjectFeed : IDisposable
{
    private readonly IAsyncEnumerator<LogObject> _enumerator;
    private readonly Queue<PendingObject> _ahead = new();
    private readonly object _gate = new();
    private readonly int _depth;
    private readonly CancellationTokenSource _stop;
    private Exception? _failure;
    private bool _done;
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

    /// <summary>Takes the next object in sequence order (listing more when needed); false at the end or after <see cref="Stop"/>.</summary>
    public bool TryTake(out PendingObject item)
    {
        lock (_gate)
        {
            if (!_stop.IsCancellationRequested)
            {
                Fill();
                if (_ahead.Count > 0)
                {
                    item = _ahead.Dequeue();
                    return true;
                }
            }

            item = null!;
            return false;
        }
    }

    /// <summary>Stops listing and opening (a worker asked to stop, e.g. the output pipe closed).</summary>
    public void Stop() => _stop.Cancel();

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

    /// <summary>Disposes streams that were opened but never scanned, and the listing.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
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

    // Called under the lock: lists until the look-ahead is full or the listing ends.
    private void Fill()
    {
        while (!_done && _ahead.Count < _depth)
        {
            bool more;
            try
            {
                ValueTask<bool> next = _enumerator.MoveNextAsync();
                more = next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                more = false;
            }
            catch (Exception e)
            {
                _failure = e;
                more = false;
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
    }
}
