using System.Runtime.ExceptionServices;

namespace TrailSift.Core.Common;

/// <summary>
/// Maps the indexes <c>0 … count-1</c> through a function on several threads and yields the results in index order as
/// soon as each is ready, so a consumer (a printer) works while the next results are computed. At most a window of
/// results is computed ahead of the consumer: memory stays bounded however many items there are.
/// </summary>
/// <remarks>Stateless; thread-safe. The function runs on worker threads and must be thread-safe.</remarks>
public static class OrderedParallel
{
    /// <summary>
    /// The results of <paramref name="map"/> for every index, in order. With <paramref name="parallelism"/> 1 (or one
    /// item) the function runs on the enumerating thread as it enumerates. Stopping the enumeration early stops the
    /// workers (the items they are on are finished and dropped). The first exception of the function is rethrown to
    /// the consumer when it reaches an item that is not there.
    /// </summary>
    /// <param name="count">How many items.</param>
    /// <param name="map">Computes item <c>i</c>.</param>
    /// <param name="parallelism">Worker threads.</param>
    /// <param name="window">Most items computed ahead of the consumer; 0 for 4 per worker.</param>
    public static IEnumerable<T> Map<T>(int count, Func<int, T> map, int parallelism, int window = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(map);
        return parallelism <= 1 || count <= 1
            ? Sequential(count, map)
            : Parallel(count, map, Math.Min(parallelism, count), window > 0 ? window : parallelism * 4);
    }

    private static IEnumerable<T> Sequential<T>(int count, Func<int, T> map)
    {
        for (int i = 0; i < count; i++)
        {
            yield return map(i);
        }
    }

    private static IEnumerable<T> Parallel<T>(int count, Func<int, T> map, int parallelism, int window)
    {
        using var run = new Run<T>(count, map, parallelism, window);
        for (int i = 0; i < count; i++)
        {
            yield return run.Take(i);
        }
    }

    /// <summary>One enumeration: the workers, the window of slots, and the first failure.</summary>
    private sealed class Run<T> : IDisposable
    {
        private readonly object _gate = new();
        private readonly int _count;
        private readonly Func<int, T> _map;
        private readonly T[] _slots;
        private readonly bool[] _ready;
        private readonly Task[] _workers;
        private int _next;
        private int _consumed;
        private bool _stopped;
        private ExceptionDispatchInfo? _failure;

        public Run(int count, Func<int, T> map, int parallelism, int window)
        {
            _count = count;
            _map = map;
            _slots = new T[window];
            _ready = new bool[window];
            _workers = new Task[parallelism];
            for (int w = 0; w < parallelism; w++)
            {
                _workers[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        public T Take(int index)
        {
            int slot = index % _slots.Length;
            lock (_gate)
            {
                while (!_ready[slot] && _failure is null)
                {
                    Monitor.Wait(_gate);
                }

                if (!_ready[slot])
                {
                    _failure!.Throw();
                }

                T value = _slots[slot];
                _slots[slot] = default!;
                _ready[slot] = false;
                _consumed = index + 1;
                Monitor.PulseAll(_gate);
                return value;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }

            Task.WaitAll(_workers);
        }

        private void Work()
        {
            while (true)
            {
                int index;
                lock (_gate)
                {
                    while (!_stopped && _next < _count && _next >= _consumed + _slots.Length)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopped || _next >= _count)
                    {
                        return;
                    }

                    index = _next++;
                }

                T value;
                try
                {
                    value = _map(index);
                }
#pragma warning disable CA1031 // Any failure of the function goes to the consumer, which rethrows it.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    lock (_gate)
                    {
                        _failure ??= ExceptionDispatchInfo.Capture(e);
                        _stopped = true;
                        Monitor.PulseAll(_gate);
                    }

                    return;
                }

                lock (_gate)
                {
                    _slots[index % _slots.Length] = value;
                    _ready[index % _slots.Length] = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
