namespace TrailSift.Cli.Composition;

/// <summary>
/// What one command run owns and must release when it ends, however it ends (results, errors, a closed pipe,
/// cancellation): the sources that hold SDK clients and their connections. <see cref="App.Run"/> creates one per
/// run and disposes it last. It also carries the run's interruption (Ctrl-C): while a part of the run that stops on
/// <see cref="Cancellation"/> is running (<see cref="Interruptible"/>), <see cref="TryInterrupt"/> cancels it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RunResources : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly CancellationTokenSource _interrupt = new();
    private int _interruptible;
    private bool _disposed;

    /// <summary>Cancelled when the run is interrupted (<see cref="TryInterrupt"/>).</summary>
    public CancellationToken Cancellation => _interrupt.Token;

    /// <summary>True once the run was interrupted.</summary>
    public bool Interrupted => _interrupt.IsCancellationRequested;

    /// <summary>Marks the run as stopping on <see cref="Cancellation"/> until the result is disposed (a scan, a sync).</summary>
    public IDisposable Interruptible()
    {
        Interlocked.Increment(ref _interruptible);
        return new Scope(this);
    }

    /// <summary>
    /// Interrupts the run when it is inside <see cref="Interruptible"/> and was not interrupted yet; false otherwise
    /// (the caller then lets the signal do what it would do without TrailSift: end the process).
    /// </summary>
    public bool TryInterrupt()
    {
        lock (_owned)
        {
            if (_disposed || Volatile.Read(ref _interruptible) == 0 || _interrupt.IsCancellationRequested)
            {
                return false;
            }

            _interrupt.Cancel();
            return true;
        }
    }

    /// <summary>Takes <paramref name="resource"/> to dispose at the end of the run (at once when the run has ended) and returns it.</summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        lock (_owned)
        {
            if (!_disposed)
            {
                _owned.Add(resource);
                return resource;
            }
        }

        resource.Dispose();
        return resource;
    }

    /// <summary>Disposes what was taken, the last first.</summary>
    public void Dispose()
    {
        IDisposable[] owned;
        lock (_owned)
        {
            _disposed = true;
            owned = [.. _owned];
            _owned.Clear();
        }

        for (int i = owned.Length - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }
    }

    private sealed class Scope(RunResources owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._interruptible);
            }
        }
    }
}
