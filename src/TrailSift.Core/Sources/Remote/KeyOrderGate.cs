namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Bounds the listing requests in flight and, when they queue, lets the one for the earliest prefix in output
/// order (<see cref="S3Lister.CompareByFolder"/>) go first: the scan waits for the first keys in key order, so
/// their folders are listed before later siblings, and later folders fill the time the scan spends reading.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class KeyOrderGate
{
    private readonly object _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, string> _waiting = new(Comparer<string>.Create(S3Lister.CompareByFolder));
    private int _free;

    public KeyOrderGate(int slots)
    {
        _free = Math.Max(1, slots);
    }

    /// <summary>Waits for a slot for the request about <paramref name="prefix"/>; dispose the result to free it.</summary>
    public async Task<IDisposable> EnterAsync(string prefix, CancellationToken cancel)
    {
        TaskCompletionSource turn;
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return new Slot(this);
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(turn, prefix);
        }

        // A canceled turn stays in the queue; Leave skips it (TrySetResult fails on it).
        using (cancel.Register(() => turn.TrySetCanceled(cancel)))
        {
            await turn.Task.ConfigureAwait(false);
        }

        return new Slot(this);
    }

    private void Leave()
    {
        lock (_lock)
        {
            while (_waiting.TryDequeue(out TaskCompletionSource? next, out _))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _free++;
        }
    }

    private sealed class Slot(KeyOrderGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Leave();
            }
        }
    }
}
