namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Count, first and last time, and the earliest event ids of a set of calls. Merging is order-independent:
/// the samples are the smallest <c>(time, id)</c> pairs, so parallel scans give the same result.
/// </summary>
/// <remarks>Mutable; not thread-safe (one per scan worker until merged).</remarks>
internal sealed class CallStats
{
    public const int MaxSamples = 5;

    private readonly List<(long Ticks, string Id)> _samples = [];

    public long Count { get; private set; }

    public long? First { get; private set; }

    public long? Last { get; private set; }

    public IEnumerable<string> SampleIds => _samples.Select(static s => s.Id);

    public void Add(long? ticks, string eventId)
    {
        Count++;
        Widen(ticks);
        AddSample(ticks ?? long.MaxValue, eventId);
    }

    public void Merge(CallStats other)
    {
        Count += other.Count;
        Widen(other.First);
        Widen(other.Last);
        foreach ((long ticks, string id) in other._samples)
        {
            AddSample(ticks, id);
        }
    }

    private void Widen(long? ticks)
    {
        if (ticks is long t)
        {
            First = First is long f && f <= t ? f : t;
            Last = Last is long l && l >= t ? l : t;
        }
    }

    private void AddSample(long ticks, string id)
    {
        int at = 0;
        while (at < _samples.Count && Compare(_samples[at], (ticks, id)) < 0)
        {
            at++;
        }

        if (at < MaxSamples && (at == _samples.Count || Compare(_samples[at], (ticks, id)) != 0))
        {
            _samples.Insert(at, (ticks, id));
            if (_samples.Count > MaxSamples)
            {
                _samples.RemoveAt(MaxSamples);
            }
        }
    }

    private static int Compare((long Ticks, string Id) a, (long Ticks, string Id) b)
    {
        int c = a.Ticks.CompareTo(b.Ticks);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
