namespace TrailSift.Core.Scan;

/// <summary>
/// Bytes that scan workers may hold for large records beyond their small free allowance, shared by all workers
/// of a scan. A worker whose record outgrows its buffer asks for more; when the budget is spent it waits until
/// another worker's large record is done, so large records are read one after another rather than all at once.
/// The worker that has held a reservation longest is never made to wait (it may take the budget past its limit
/// by one record), so workers cannot wait on each other in a cycle.
/// </summary>
/// <remarks>Thread-safe. Created by the caller of a scan and shared by its workers.</remarks>
public sealed class MemoryBudget
{
    /// <summary>The default: 1 GiB for all workers' large records together.</summary>
    public const long DefaultBytes = 1L << 30;

    private readonly object _gate = new();
    private readonly Dictionary<Lease, long> _holders = [];
    private long _used;
    private long _nextTicket;

    /// <summary>Creates a budget of <paramref name="bytes"/>.</summary>
    public MemoryBudget(long bytes = DefaultBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        Bytes = bytes;
    }

    /// <summary>The limit.</summary>
    public long Bytes { get; }

    /// <summary>Bytes reserved now.</summary>
    public long Used
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <summary>Times a worker had to wait for memory.</summary>
    public long Waits { get; private set; }

    /// <summary>The most bytes reserved at once.</summary>
    public long Peak { get; private set; }

    /// <summary>Creates one worker's reservation (initially empty).</summary>
    public Lease Open() => new(this);

    private void Grow(Lease lease, long more, CancellationToken cancel)
    {
        lock (_gate)
        {
            bool waited = false;
            while (_used + more > Bytes && !IsOldest(lease))
            {
                if (!waited)
                {
                    waited = true;
                    Waits++;
                }

                cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, 100);
            }

            if (lease.Held == 0)
            {
                lease.Ticket = _nextTicket++;
            }

            lease.Held += more;
            _holders[lease] = lease.Ticket;
            _used += more;
            Peak = Math.Max(Peak, _used);
        }
    }

    private void Release(Lease lease)
    {
        lock (_gate)
        {
            _used -= lease.Held;
            lease.Held = 0;
            _holders.Remove(lease);
            Monitor.PulseAll(_gate);
        }
    }

    private void Shrink(Lease lease, long less)
    {
        lock (_gate)
        {
            _used -= less;
            lease.Held -= less;
            if (lease.Held == 0)
            {
                _holders.Remove(lease);
            }

            Monitor.PulseAll(_gate);
        }
    }

    private bool IsOldest(Lease lease)
    {
        if (lease.Held == 0)
        {
            return _holders.Count == 0;
        }

        foreach (long ticket in _holders.Values)
        {
            if (ticket < lease.Ticket)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One worker's reservation.</summary>
    /// <remarks>Used by one worker thread at a time.</remarks>
    public sealed class Lease
    {
        private readonly MemoryBudget _budget;

        internal Lease(MemoryBudget budget) => _budget = budget;

        /// <summary>Bytes this worker holds.</summary>
        public long Held { get; internal set; }

        internal long Ticket { get; set; }

        /// <summary>Raises this worker's reservation to <paramref name="bytes"/>, waiting for memory if needed.</summary>
        public void EnsureHeld(long bytes, CancellationToken cancel = default)
        {
            if (bytes > Held)
            {
                _budget.Grow(this, bytes - Held, cancel);
            }
        }

        /// <summary>
        /// Sets this worker's reservation to <paramref name="bytes"/>: raises it as <see cref="EnsureHeld"/> does, or
        /// gives back what is over.
        /// </summary>
        public void Hold(long bytes, CancellationToken cancel = default)
        {
            if (bytes > Held)
            {
                _budget.Grow(this, bytes - Held, cancel);
            }
            else if (bytes < Held)
            {
                _budget.Shrink(this, Held - bytes);
            }
        }

        /// <summary>Gives back everything this worker holds.</summary>
        public void ReleaseAll()
        {
            if (Held > 0)
            {
                _budget.Release(this);
            }
        }
    }
}
