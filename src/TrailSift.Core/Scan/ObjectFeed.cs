using System.Threading.Channels;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>
/// The prefetch stage between the sources and the scan workers: one task lists the objects (in output
/// order) and starts opening each as soon as it is listed, keeping up to <c>ioConcurrency</c> objects
/// listed and opening ahead of the workers, so high-latency opens (S3 GETs) overlap with parsing. I/O
/// concurrency is set here, independently of the number of parse threads. A local file opens synchronously
/// on the lister, which costs a system call and nothing else.
/// </summary>
/// <remarks>Thread-safe for any number of consuming workers; dispose after the scan.</remarks>
public sealed class ObjectFeed : IDisposable
{
    private readonly Channel<PendingObject> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private int _next = -1;

    /// <summary>Starts listing <paramref name="objects"/> with up to <paramref name="ioConcurrency"/> objects opening ahead.</summary>
    public ObjectFeed(IAsyncEnumerable<LogObject> objects, int ioConcurrency, CancellationToken cancel)
    {
        _channel = Channel.CreateBounded<PendingObject>(new BoundedChannelOptions(Math.Max(1, ioConcurrency))
        {
            SingleWriter = true,
            SingleReader = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _producer = Task.Run(() => ProduceAsync(objects, _stop.Token));
    }

    /// <summary>A listed object whose opening has started.</summary>
    public sealed record PendingObject(int Sequence, LogObject Object, Task<Stream>? Opening)
    {
        /// <summary>Waits for the stream (rethrows the opening's failure, which the scanner reports as a per-object problem).</summary>
        public Stream Open() => Opening is null ? Object.OpenRaw() : Opening.GetAwaiter().GetResult();
    }

    /// <summary>Takes the next object in sequence order; blocks while the lister is behind; false at the end.</summary>
    public bool TryTake(out PendingObject item)
    {
        ChannelReader<PendingObject> reader = _channel.Reader;
        while (true)
        {
            if (reader.TryRead(out item!))
            {
                return true;
            }

            ValueTask<bool> wait = reader.WaitToReadAsync(_stop.Token);
            bool more;
            try
            {
                more = wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            if (!more)
            {
                return false;
            }
        }
    }

    /// <summary>Stops listing and opening (a worker asked to stop, e.g. the output pipe closed).</summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Waits for the lister; rethrows a failure of the listing itself (a source's own errors are reported, not thrown).</summary>
    public void Complete()
    {
        try
        {
            _producer.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Disposes streams that were opened but never scanned.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
        }

        while (_channel.Reader.TryRead(out PendingObject? left))
        {
            if (left.Opening is { } t)
            {
                t.ContinueWith(static o => o.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        }

        _stop.Dispose();
    }

    private async Task ProduceAsync(IAsyncEnumerable<LogObject> objects, CancellationToken cancel)
    {
        try
        {
            await foreach (LogObject o in objects.WithCancellation(cancel).ConfigureAwait(false))
            {
                // Remote objects start opening now; a local file opens when its worker takes it (no extra handle held).
                Task<Stream>? opening = o.OpensAsynchronously ? o.OpenRawAsync(cancel) : null;
                await _channel.Writer.WriteAsync(new PendingObject(Interlocked.Increment(ref _next), o, opening), cancel).ConfigureAwait(false);
            }

            _channel.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _channel.Writer.TryComplete(e is OperationCanceledException ? null : e);
            if (e is not OperationCanceledException)
            {
                throw;
            }
        }
    }
}
